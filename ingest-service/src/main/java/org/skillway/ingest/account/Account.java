package org.skillway.ingest.account;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A student's credentials. The id is the profile id, the identity their tokens carry.
 *
 * @param email lower-cased; unique
 * @param passwordHash from the delegating password encoder, prefixed with its algorithm; absent for
 *     an account a university created, until the person claims it
 * @param claim the open invitation to claim the account, if it has not been claimed
 */
@Document("accounts")
record Account(@Id String id, String email, String passwordHash, Instant createdAt, Claim claim) {

  /**
   * @param tokenHash SHA-256 of the single-use token in the invitation link; the token itself is
   *     never stored
   * @param number how many invitations this account has been sent, this one included
   * @param sent whether Kafka has acknowledged the invitation event; one that was not is sent again
   *     when the university uploads the student again
   */
  record Claim(String tokenHash, Instant expiresAt, int number, boolean sent) {}

  boolean claimed() {
    return passwordHash != null;
  }
}
