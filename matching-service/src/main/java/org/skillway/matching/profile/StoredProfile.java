package org.skillway.matching.profile;

import java.time.Instant;
import org.skillway.events.ProfileData;
import org.springframework.data.annotation.Id;
import org.springframework.data.annotation.PersistenceCreator;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * @param profile {@code null} once the profile has been erased (erasures now leave a {@link
 *     ProfileTombstone} instead; older ones left this)
 * @param partition the partition of {@code skillway.profiles.v1} the profile lives on: the instance
 *     that owns that partition matches this profile
 * @param registeredAt when the person registered (their first version was submitted), if this store
 *     saw it; kept to measure the time to a first match, and part of the person's export
 * @param firstMatchAt when the person's first match was published, once they have one
 */
@Document("profiles")
public record StoredProfile(
    @Id String id,
    long version,
    int partition,
    ProfileData profile,
    Instant registeredAt,
    Instant firstMatchAt) {
  @PersistenceCreator
  public StoredProfile {}

  /** A profile as an event brings it: the two times are the store's to keep. */
  public StoredProfile(String id, long version, int partition, ProfileData profile) {
    this(id, version, partition, profile, null, null);
  }

  public boolean erased() {
    return profile == null;
  }
}
