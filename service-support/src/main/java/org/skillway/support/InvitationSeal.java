package org.skillway.support;

import java.time.Instant;
import org.skillway.events.EventMetadata;
import org.skillway.events.Invitation;
import org.skillway.events.InvitationIssued;

/**
 * Seals an invitation's address and claim link for the notification service alone, and opens them
 * there. ingest-service and notification-service share {@code skillway.security.invitation-key};
 * the broker never holds it, so whoever reads {@code skillway.invitations.v1} learns neither the
 * address nor the single-use token.
 */
public final class InvitationSeal {
  private static final String PURPOSE = "skillway-invitation-v1";

  private final SecretBox box;

  public InvitationSeal(SkillwayProperties.Security security) {
    this.box = SecretBox.of(security.invitationKeyBytes(), PURPOSE);
  }

  /** What the notification service needs to write the e-mail, once opened. */
  public record Opened(String email, String universityId, String claimUrl, Instant expiresAt) {}

  public InvitationIssued seal(
      EventMetadata metadata,
      String email,
      String universityId,
      String claimUrl,
      Instant expiresAt) {
    String context = Invitation.sealingContext(metadata.aggregateId(), metadata.aggregateVersion());
    return new InvitationIssued(
        metadata,
        new Invitation(
            box.seal(email, context), universityId, box.seal(claimUrl, context), expiresAt));
  }

  /**
   * @throws IllegalArgumentException when the event was not sealed with this key for this
   *     invitation (altered, moved, or sealed with another key)
   */
  public Opened open(InvitationIssued event) {
    EventMetadata metadata = event.metadata();
    String context = Invitation.sealingContext(metadata.aggregateId(), metadata.aggregateVersion());
    Invitation invitation = event.invitation();
    return new Opened(
        box.open(invitation.sealedEmail(), context),
        invitation.universityId(),
        box.open(invitation.sealedClaimUrl(), context),
        invitation.expiresAt());
  }
}
