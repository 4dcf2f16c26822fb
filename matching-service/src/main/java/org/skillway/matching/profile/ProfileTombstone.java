package org.skillway.matching.profile;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * All that is kept of an erased profile: its id and the version that erased it, so that an older
 * event replayed later is recognised and ignored. Kept apart from {@code profiles}, so that
 * collection holds only people who are still here.
 */
@Document("profile_tombstones")
public record ProfileTombstone(@Id String id, long version) {}
