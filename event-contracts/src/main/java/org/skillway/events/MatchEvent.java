package org.skillway.events;

/**
 * Events about a match, keyed by profile id on {@link Topic#MATCHES} so one person's matches stay
 * in order.
 */
public sealed interface MatchEvent extends SkillwayEvent permits MatchFound {
  MatchData match();

  @Override
  default String key() {
    return match().profileId();
  }
}
