package org.skillway.events;

import java.util.Objects;

/**
 * A person signed out or deleted their account: every service refuses the tokens concerned from now
 * on. Keyed by the subject (profile, employer or university id); each instance of each service
 * reads the whole topic, so a revocation reaches all of them within seconds.
 */
public record AccessRevoked(EventMetadata metadata, Revocation revocation) implements AccountEvent {
  public AccessRevoked {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(revocation, "payload");
  }

  @Override
  public EventType type() {
    return EventType.ACCESS_REVOKED;
  }

  @Override
  public Revocation payload() {
    return revocation;
  }
}
