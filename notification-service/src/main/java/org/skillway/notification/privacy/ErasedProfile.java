package org.skillway.notification.privacy;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * All that is kept of an erased person: that they were erased, so that a match event about them
 * arriving later stores nothing. It holds no personal data.
 */
@Document("erased_profiles")
public record ErasedProfile(@Id String profileId, Instant erasedAt) {}
