package org.skillway.events;

/** Events about a person's account, keyed by profile id on {@link Topic#INVITATIONS}. */
public sealed interface AccountEvent extends SkillwayEvent permits InvitationIssued {
  @Override
  default String key() {
    return metadata().aggregateId();
  }
}
