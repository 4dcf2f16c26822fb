package org.skillway.events;

import java.util.Objects;

/**
 * A match changed materially (its score moved, or skills were gained or lost); carries the whole
 * new match.
 */
public record MatchUpdated(EventMetadata metadata, MatchData match) implements MatchEvent {
  public MatchUpdated {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(match, "payload");
  }

  @Override
  public EventType type() {
    return EventType.MATCH_UPDATED;
  }

  @Override
  public MatchData payload() {
    return match;
  }

  @Override
  public String profileId() {
    return match.profileId();
  }
}
