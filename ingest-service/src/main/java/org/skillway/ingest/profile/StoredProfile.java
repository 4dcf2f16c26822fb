package org.skillway.ingest.profile;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A profile as this service keeps it, so its owner can read it back.
 *
 * @param version the version of the last event published for it
 */
@Document("profiles")
public record StoredProfile(@Id String id, long version, Profile profile, Instant updatedAt) {}
