package org.skillway.events;

import java.util.Objects;

/**
 * A profile was created or changed; carries the whole matchable profile (the topic is compacted).
 */
public record ProfileSubmitted(EventMetadata metadata, ProfileData profile)
    implements ProfileEvent {
  public ProfileSubmitted {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(profile, "payload");
  }

  @Override
  public EventType type() {
    return EventType.PROFILE_SUBMITTED;
  }

  @Override
  public ProfileData payload() {
    return profile;
  }
}
