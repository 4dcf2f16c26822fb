package org.skillway.matching.profile;

import org.skillway.events.ProfileData;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * @param profile {@code null} once the profile has been erased (erasures now leave a {@link
 *     ProfileTombstone} instead; older ones left this)
 * @param partition the partition of {@code skillway.profiles.v1} the profile lives on: the instance
 *     that owns that partition matches this profile
 */
@Document("profiles")
public record StoredProfile(@Id String id, long version, int partition, ProfileData profile) {
  public boolean erased() {
    return profile == null;
  }
}
