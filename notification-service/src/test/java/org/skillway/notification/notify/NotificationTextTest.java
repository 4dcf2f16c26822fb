package org.skillway.notification.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skillway.events.MatchClosure;
import org.skillway.events.MatchData;
import org.skillway.events.WithdrawalReason;

class NotificationTextTest {
  @Test
  void saysInPlainWordsWhatMatchedAndWhatToBuildNamingSkillsAsPeopleKnowThem() {
    MatchData match =
        new MatchData(
            "p",
            "v",
            "acme",
            "Data apprentice",
            67,
            List.of("skill/sql", "skill/sheets"),
            List.of("skill/python"));
    java.util.Map<String, String> labels =
        java.util.Map.of(
            "skill/sql", "SQL",
            "skill/sheets", "use spreadsheets software",
            "skill/python", "Python (computer programming)");

    assertThat(NotificationText.title(match)).isEqualTo("New match: Data apprentice");
    assertThat(NotificationText.body(match, labels::get))
        .isEqualTo(
            "\u201cData apprentice\u201d is a 67% match for you."
                + " Skills you have: SQL, use spreadsheets software."
                + " Skills to build: Python (computer programming).");
  }

  @Test
  void skillsTheUniversityVouchesForAreSaidToBeSo() {
    MatchData match =
        new MatchData(
            "p",
            "v",
            "acme",
            "Data apprentice",
            80,
            List.of("skill/sql", "skill/python"),
            List.of(),
            List.of(),
            List.of(),
            List.of(),
            "esco-1.2",
            List.of("skill/python"));
    java.util.Map<String, String> labels =
        java.util.Map.of("skill/sql", "SQL", "skill/python", "Python (computer programming)");

    assertThat(NotificationText.body(match, labels::get))
        .isEqualTo(
            "\u201cData apprentice\u201d is a 80% match for you."
                + " Skills you have: SQL, Python (computer programming)."
                + " Your university vouches for Python (computer programming).");
  }

  @Test
  void aClosedRoleIsExplainedInPlainWords() {
    var closure = new MatchClosure("p", "v", "acme", "Barista", WithdrawalReason.VACANCY_CLOSED);

    assertThat(NotificationText.withdrawnTitle(closure)).isEqualTo("No longer available: Barista");
    assertThat(NotificationText.withdrawnBody(closure))
        .isEqualTo("The role \u201cBarista\u201d that we told you about has closed.");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "VACANCY_CLOSED|The role \u201cBarista\u201d that we told you about has closed.",
        "CONSENT_WITHDRAWN|You asked not to be matched, so \u201cBarista\u201d is no longer shown.",
        "NO_LONGER_MATCHES|\u201cBarista\u201d no longer matches your profile.",
        "PROFILE_ERASED|\u201cBarista\u201d was removed with your profile.",
      })
  void everyWithdrawalReasonHasItsOwnWords(WithdrawalReason reason, String body) {
    var closure = new MatchClosure("p", "v", "acme", "Barista", reason);

    assertThat(NotificationText.withdrawnBody(closure)).isEqualTo(body);
  }

  @Test
  void leavesOutTheGapSentenceWhenNothingIsMissing() {
    MatchData match =
        new MatchData("p", "v", "acme", "Barista", 100, List.of("customer service"), List.of());

    assertThat(NotificationText.body(match, id -> id))
        .isEqualTo(
            "\u201cBarista\u201d is a 100% match for you. Skills you have: customer service.");
  }
}
