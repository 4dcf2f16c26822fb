package org.skillway.events;

import java.util.Objects;

/**
 * A profile and a vacancy were found to match. The aggregate is the match; its version counts its
 * changes.
 */
public record MatchFound(EventMetadata metadata, MatchData match) implements MatchEvent {
  public MatchFound {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(match, "payload");
  }

  @Override
  public EventType type() {
    return EventType.MATCH_FOUND;
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
