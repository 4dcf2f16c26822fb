package org.skillway.ingest.account;

import java.time.Clock;
import java.time.Instant;
import org.skillway.events.AccessRevoked;
import org.skillway.events.EventMetadata;
import org.skillway.events.Revocation;
import org.skillway.support.AccessRevocations;
import org.skillway.support.EventPublisher;
import org.skillway.support.SkillwayProperties;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tells every service to refuse tokens: one token when a person signs out, every token issued up to
 * now when an account is deleted. Answered once Kafka holds the revocation; this instance refuses
 * the tokens at once, the others as soon as they read it (within seconds).
 */
@Component
public class AccessRevoker {
  private final EventPublisher events;
  private final AccessRevocations revocations;
  private final Clock clock;
  private final SkillwayProperties.Security security;

  AccessRevoker(
      EventPublisher events,
      AccessRevocations revocations,
      Clock clock,
      SkillwayProperties properties) {
    this.events = events;
    this.revocations = revocations;
    this.clock = clock;
    this.security = properties.security();
  }

  /** Signing out: the one token, until it would have expired. */
  public Mono<Void> signedOut(String subject, String tokenId, Instant expiresAt) {
    Instant now = clock.instant();
    return revoke(
        subject, new Revocation(tokenId, now, expiresAt, Revocation.Reason.SIGNED_OUT), now);
  }

  /**
   * Signing out of the web app: this token, and every earlier one of the person's (the web app
   * renews a session's token as it is used, without revoking the one before). Tokens issued in the
   * same second survive, so signing in again at once works; the current one is revoked by id.
   */
  public Mono<Void> signedOutEverywhere(String subject, String tokenId, Instant expiresAt) {
    Instant now = clock.instant();
    Instant beforeThisSecond =
        now.truncatedTo(java.time.temporal.ChronoUnit.SECONDS).minusMillis(1);
    return signedOut(subject, tokenId, expiresAt)
        .then(
            revoke(
                subject,
                new Revocation(
                    null,
                    beforeThisSecond,
                    now.plus(security.tokenTtl()),
                    Revocation.Reason.SIGNED_OUT),
                now));
  }

  /** A deleted account: every token issued up to now, until the newest of them has expired. */
  public Mono<Void> accountDeleted(String subject) {
    Instant now = clock.instant();
    return revoke(
        subject,
        new Revocation(null, now, now.plus(security.tokenTtl()), Revocation.Reason.ACCOUNT_DELETED),
        now);
  }

  private Mono<Void> revoke(String subject, Revocation revocation, Instant now) {
    // The version orders one subject's revocations; time is all they need.
    AccessRevoked event =
        new AccessRevoked(EventMetadata.next(subject, now.toEpochMilli(), now), revocation);
    return events
        .publish(event)
        .then(Mono.fromRunnable(() -> revocations.apply(subject, revocation)));
  }
}
