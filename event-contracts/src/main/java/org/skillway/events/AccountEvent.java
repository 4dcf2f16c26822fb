package org.skillway.events;

/**
 * Events about an account, keyed by its id: invitations on {@link Topic#INVITATIONS}, revoked
 * access on {@link Topic#ACCESS}.
 */
public sealed interface AccountEvent extends SkillwayEvent permits InvitationIssued, AccessRevoked {
  @Override
  default String key() {
    return metadata().aggregateId();
  }
}
