package org.skillway.notification.notify;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillway.events.MatchData;

class NotificationTextTest {
  @Test
  void saysInPlainWordsWhatMatchedAndWhatToBuild() {
    MatchData match =
        new MatchData(
            "p", "v", "acme", "Data apprentice", 67, List.of("sql", "excel"), List.of("python"));

    assertThat(NotificationText.title(match)).isEqualTo("New match: Data apprentice");
    assertThat(NotificationText.body(match))
        .isEqualTo(
            "\u201cData apprentice\u201d is a 67% match for you."
                + " Skills you have: sql, excel. Skills to build: python.");
  }

  @Test
  void aClosedRoleIsExplainedInPlainWords() {
    var closure =
        new org.skillway.events.MatchClosure("p", "v", "acme", "Barista", "VACANCY_CLOSED");

    assertThat(NotificationText.withdrawnTitle(closure)).isEqualTo("No longer available: Barista");
    assertThat(NotificationText.withdrawnBody(closure))
        .isEqualTo("The role \u201cBarista\u201d that we told you about has closed.");
  }

  @Test
  void leavesOutTheGapSentenceWhenNothingIsMissing() {
    MatchData match =
        new MatchData("p", "v", "acme", "Barista", 100, List.of("customer service"), List.of());

    assertThat(NotificationText.body(match))
        .isEqualTo(
            "\u201cBarista\u201d is a 100% match for you. Skills you have: customer service.");
  }
}
