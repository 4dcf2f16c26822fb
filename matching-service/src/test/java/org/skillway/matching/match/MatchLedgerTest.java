package org.skillway.matching.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

class MatchLedgerTest {
  private static MatchLedger.Entry entry(
      String profile, String vacancy, long version, MatchStatus status) {
    return new MatchLedger.Entry(
        profile, vacancy, "employer", "Data apprentice", version, status, true, 70, 1L);
  }

  @Test
  void aVacancysStandingMatchesAreItsActiveOnesOnly() {
    MatchLedger ledger = new MatchLedger();
    ledger.put(entry("p1", "v1", 1, MatchStatus.ACTIVE));
    ledger.put(entry("p2", "v1", 1, MatchStatus.ACTIVE));
    ledger.put(entry("p3", "v1", 2, MatchStatus.WITHDRAWN));

    assertThat(ledger.activeOfVacancy("v1"))
        .extracting(MatchLedger.Entry::profileId)
        .containsExactlyInAnyOrder("p1", "p2");

    ledger.put(entry("p1", "v1", 2, MatchStatus.WITHDRAWN));

    assertThat(ledger.activeOfVacancy("v1"))
        .extracting(MatchLedger.Entry::profileId)
        .containsExactly("p2");
    assertThat(ledger.activeOfProfile("p1")).isEmpty();
    assertThat(ledger.get("p1", "v1").version()).isEqualTo(2);
  }

  @Test
  void anOlderVersionRecordedLateNeverReplacesANewerOne() {
    MatchLedger ledger = new MatchLedger();
    ledger.put(entry("p1", "v1", 3, MatchStatus.WITHDRAWN));
    ledger.put(entry("p1", "v1", 2, MatchStatus.ACTIVE));

    assertThat(ledger.get("p1", "v1").version()).isEqualTo(3);
    assertThat(ledger.activeOfVacancy("v1")).isEmpty();
  }

  @Test
  void forgettingAProfileForgetsItsMatchesOnBothSides() {
    MatchLedger ledger = new MatchLedger();
    ledger.put(entry("p1", "v1", 1, MatchStatus.ACTIVE));
    ledger.put(entry("p1", "v2", 1, MatchStatus.ACTIVE));
    ledger.put(entry("p2", "v1", 1, MatchStatus.ACTIVE));

    ledger.forgetProfile("p1");

    assertThat(ledger.get("p1", "v1")).isNull();
    assertThat(ledger.activeOfVacancy("v2")).isEmpty();
    assertThat(ledger.activeOfVacancy("v1"))
        .extracting(MatchLedger.Entry::profileId)
        .containsExactly("p2");
    assertThat(ledger.size()).isEqualTo(1);
  }

  @Test
  void theSkillsDigestSeesWhichSkillsNotTheirOrder() {
    long digest = MatchLedger.skillsDigest(List.of("sql", "python"), List.of("excel"));

    assertThat(MatchLedger.skillsDigest(List.of("python", "sql"), List.of("excel")))
        .isEqualTo(digest);
    // The same skills, one of them now met rather than missing, is a different match.
    assertThat(MatchLedger.skillsDigest(List.of("sql", "python", "excel"), List.of()))
        .isNotEqualTo(digest);
    assertThat(MatchLedger.skillsDigest(List.of("sql"), List.of("python", "excel")))
        .isNotEqualTo(digest);
  }
}
