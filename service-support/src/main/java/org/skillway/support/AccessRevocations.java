package org.skillway.support;

import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.skillway.events.Revocation;

/**
 * The identity tokens this instance refuses although their signature and expiry are good: tokens
 * signed out, and every token of a deleted account issued up to its deletion. Fed by {@code
 * AccessRevoked} events, which every instance of every service reads whole; an entry is forgotten
 * once every token it names has expired. Plain Java: no I/O.
 */
public final class AccessRevocations {
  private final Map<String, Instant> tokens = new ConcurrentHashMap<>();
  private final Map<String, Entry> subjects = new ConcurrentHashMap<>();
  private final Clock clock;

  private record Entry(Instant issuedUpTo, Instant until) {}

  public AccessRevocations(Clock clock) {
    this.clock = clock;
  }

  public void apply(String subject, Revocation revocation) {
    if (!clock.instant().isBefore(revocation.until())) {
      return; // every token it names has expired anyway
    }
    if (revocation.tokenId() != null) {
      tokens.merge(revocation.tokenId(), revocation.until(), (a, b) -> a.isAfter(b) ? a : b);
    } else {
      subjects.merge(
          subject,
          new Entry(revocation.issuedUpTo(), revocation.until()),
          (a, b) ->
              new Entry(
                  a.issuedUpTo().isAfter(b.issuedUpTo()) ? a.issuedUpTo() : b.issuedUpTo(),
                  a.until().isAfter(b.until()) ? a.until() : b.until()));
    }
  }

  /**
   * @param tokenId the token's {@code jti}, if it has one
   * @param issuedAt the token's {@code iat}, if it has one (a token without one is refused for a
   *     revoked subject)
   */
  public boolean isRevoked(String subject, String tokenId, Instant issuedAt) {
    if (tokenId != null && tokens.containsKey(tokenId)) {
      return true;
    }
    Entry entry = subject == null ? null : subjects.get(subject);
    return entry != null && (issuedAt == null || !issuedAt.isAfter(entry.issuedUpTo()));
  }

  /** Drops the entries whose tokens have all expired; returns how many remain. */
  public int forgetExpired() {
    Instant now = clock.instant();
    tokens.values().removeIf(until -> !now.isBefore(until));
    subjects.values().removeIf(entry -> !now.isBefore(entry.until()));
    return tokens.size() + subjects.size();
  }
}
