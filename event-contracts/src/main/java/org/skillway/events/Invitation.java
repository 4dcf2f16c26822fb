package org.skillway.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An invitation to claim an account. The address and the link (which holds a single-use secret)
 * travel sealed with AES-256-GCM under a key that only ingest-service and notification-service hold
 * ({@code skillway.security.invitation-key}); the broker and anyone reading the topic see neither.
 * Each is sealed for this event's {@code aggregateId#aggregateVersion}, so a sealed value cannot be
 * moved to another invitation.
 *
 * @param sealedEmail where to send the invitation (the address the university gave), sealed
 * @param universityId the university that loaded the student, named in the e-mail
 * @param sealedClaimUrl the page where the person chooses a password, with the claim token, sealed
 * @param expiresAt after this the link no longer works
 * @param universityName the university's display name, named in the e-mail; {@code null} if it has
 *     none (or the event is older than the field). Not sealed: it is no secret, and the university
 *     chose it to be shown.
 */
public record Invitation(
    String sealedEmail,
    String universityId,
    String sealedClaimUrl,
    Instant expiresAt,
    String universityName) {
  public static final int MAX_UNIVERSITY_NAME = 100;

  public Invitation {
    Contracts.requireText(sealedEmail, "sealedEmail", 1024);
    Contracts.requireText(universityId, "universityId", 64);
    Contracts.requireText(sealedClaimUrl, "sealedClaimUrl", 2048);
    Objects.requireNonNull(expiresAt, "expiresAt");
    Contracts.requireOptionalText(universityName, "universityName", MAX_UNIVERSITY_NAME);
  }

  /** An invitation from a university that set no display name. */
  public Invitation(
      String sealedEmail, String universityId, String sealedClaimUrl, Instant expiresAt) {
    this(sealedEmail, universityId, sealedClaimUrl, expiresAt, null);
  }

  /** The same invitation, naming its university. */
  public Invitation withUniversityName(String name) {
    return new Invitation(sealedEmail, universityId, sealedClaimUrl, expiresAt, name);
  }

  /**
   * What each sealed field of the invitation {@code aggregateId} number {@code version} is bound
   * to.
   */
  public static String sealingContext(String aggregateId, long version) {
    return "invitation:" + aggregateId + "#" + version;
  }
}
