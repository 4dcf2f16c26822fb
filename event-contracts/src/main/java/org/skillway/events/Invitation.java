package org.skillway.events;

import java.time.Instant;
import java.util.Objects;

/**
 * An invitation to claim an account. The link holds a single-use secret (the service stores only
 * its hash), so this event lives on a topic that is not compacted and is read by the notification
 * service alone.
 *
 * @param email where to send the invitation: the address the university gave
 * @param universityId the university that loaded the student, named in the e-mail
 * @param claimUrl the page where the person chooses a password; it carries the claim token
 * @param expiresAt after this the link no longer works
 */
public record Invitation(String email, String universityId, String claimUrl, Instant expiresAt) {
  public Invitation {
    Contracts.requireText(email, "email", 254);
    Contracts.requireText(universityId, "universityId", 64);
    Contracts.requireText(claimUrl, "claimUrl", 1024);
    Objects.requireNonNull(expiresAt, "expiresAt");
  }
}
