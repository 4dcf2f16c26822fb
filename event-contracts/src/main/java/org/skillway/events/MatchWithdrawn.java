package org.skillway.events;

import java.util.Objects;

/** A match no longer stands: the vacancy closed, the profile changed, or consent was withdrawn. */
public record MatchWithdrawn(EventMetadata metadata, MatchClosure closure) implements MatchEvent {
  public MatchWithdrawn {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(closure, "payload");
  }

  @Override
  public EventType type() {
    return EventType.MATCH_WITHDRAWN;
  }

  @Override
  public MatchClosure payload() {
    return closure;
  }

  @Override
  public String profileId() {
    return closure.profileId();
  }
}
