package org.skillway.events;

/** Events about a person's profile, keyed by profile id on {@link Topic#PROFILES}. */
public sealed interface ProfileEvent extends SkillwayEvent permits ProfileSubmitted, ProfileErased {
  @Override
  default String key() {
    return metadata().aggregateId();
  }
}
