package org.skillway.events;

/**
 * Events about a match, keyed by profile id on {@link Topic#MATCHES} so one person's matches stay
 * in order. A match appears ({@link MatchFound}), changes materially ({@link MatchUpdated}) or
 * disappears ({@link MatchWithdrawn}); the aggregate version counts these changes.
 */
public sealed interface MatchEvent extends SkillwayEvent
    permits MatchFound, MatchUpdated, MatchWithdrawn {
  String profileId();

  @Override
  default String key() {
    return profileId();
  }
}
