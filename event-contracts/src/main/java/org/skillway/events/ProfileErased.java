package org.skillway.events;

import java.util.Objects;

/**
 * A profile was erased: consumers forget it, withdraw its matches without telling the person, and
 * ignore any older version that arrives later.
 */
public record ProfileErased(EventMetadata metadata, ProfileErasure erasure)
    implements ProfileEvent {
  public ProfileErased {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(erasure, "payload");
  }

  @Override
  public EventType type() {
    return EventType.PROFILE_ERASED;
  }

  @Override
  public ProfileErasure payload() {
    return erasure;
  }
}
