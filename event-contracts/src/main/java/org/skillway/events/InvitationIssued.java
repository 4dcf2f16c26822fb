package org.skillway.events;

import java.util.Objects;

/**
 * A university loaded a student who has no Skillway account yet: the notification service e-mails
 * them a link to claim the account by choosing a password. The aggregate is the profile; its
 * version counts the invitations sent to it.
 */
public record InvitationIssued(EventMetadata metadata, Invitation invitation)
    implements AccountEvent {
  public InvitationIssued {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(invitation, "payload");
  }

  @Override
  public EventType type() {
    return EventType.INVITATION_ISSUED;
  }

  @Override
  public Invitation payload() {
    return invitation;
  }
}
