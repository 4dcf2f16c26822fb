package org.skillway.events;

import java.time.Instant;
import java.util.Objects;

/**
 * Identity tokens that must no longer be accepted. Either one token ({@code tokenId}, when a person
 * signs out) or every token of the subject issued at or before {@code issuedUpTo} (when the account
 * is deleted). The subject is the event's aggregate id. Carries no secret: a token id names a token
 * but cannot be used as one.
 *
 * @param tokenId the {@code jti} of the one token revoked; absent when every token is
 * @param issuedUpTo every token of the subject issued at or before this instant is refused
 * @param until when every token concerned has expired, so the entry may be forgotten
 * @param reason why
 */
public record Revocation(String tokenId, Instant issuedUpTo, Instant until, Reason reason) {
  public enum Reason {
    SIGNED_OUT,
    ACCOUNT_DELETED
  }

  public Revocation {
    if (tokenId != null) {
      Contracts.requireText(tokenId, "tokenId", 128);
    }
    Objects.requireNonNull(issuedUpTo, "issuedUpTo");
    Objects.requireNonNull(until, "until");
    Objects.requireNonNull(reason, "reason");
  }
}
