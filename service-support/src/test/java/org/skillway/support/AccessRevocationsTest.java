package org.skillway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;
import org.skillway.events.Revocation;

class AccessRevocationsTest {
  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");
  private final java.util.concurrent.atomic.AtomicReference<Instant> now =
      new java.util.concurrent.atomic.AtomicReference<>(NOW);
  private final java.time.Clock clock =
      new java.time.Clock() {
        @Override
        public java.time.ZoneId getZone() {
          return java.time.ZoneOffset.UTC;
        }

        @Override
        public java.time.Clock withZone(java.time.ZoneId zone) {
          return this;
        }

        @Override
        public Instant instant() {
          return now.get();
        }
      };
  private final AccessRevocations revocations = new AccessRevocations(clock);

  @Test
  void aSignedOutTokenIsRefusedAndTheSamePersonsOtherTokensStillWork() {
    revocations.apply(
        "p-1",
        new Revocation(
            "jti-1", NOW, NOW.plus(Duration.ofMinutes(30)), Revocation.Reason.SIGNED_OUT));

    assertThat(revocations.isRevoked("p-1", "jti-1", NOW.minusSeconds(60))).isTrue();
    assertThat(revocations.isRevoked("p-1", "jti-2", NOW.minusSeconds(60))).isFalse();
  }

  @Test
  void aDeletedAccountsTokensIssuedUpToTheDeletionAreAllRefusedButNotAnotherPersons() {
    revocations.apply(
        "p-1",
        new Revocation(
            null, NOW, NOW.plus(Duration.ofMinutes(30)), Revocation.Reason.ACCOUNT_DELETED));

    assertThat(revocations.isRevoked("p-1", "any", NOW.minusSeconds(600))).isTrue();
    assertThat(revocations.isRevoked("p-1", "any", NOW)).isTrue();
    assertThat(revocations.isRevoked("p-1", null, null)).isTrue();
    assertThat(revocations.isRevoked("p-2", "any", NOW.minusSeconds(600))).isFalse();
  }

  @Test
  void anEntryIsForgottenOnceEveryTokenItNamesHasExpiredAndALateOneIsNeverKept() {
    revocations.apply(
        "p-1",
        new Revocation(
            "jti-1", NOW, NOW.plus(Duration.ofMinutes(30)), Revocation.Reason.SIGNED_OUT));
    revocations.apply(
        "p-2", new Revocation("jti-2", NOW, NOW.minusSeconds(1), Revocation.Reason.SIGNED_OUT));

    assertThat(revocations.forgetExpired()).isEqualTo(1);
    now.set(NOW.plus(Duration.ofMinutes(30)));
    assertThat(revocations.forgetExpired()).isZero();
  }
}
