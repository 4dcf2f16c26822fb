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
            "You have 67% of the skills asked for in \u201cData apprentice\u201d."
                + " Skills you have: sql, excel. Skills to build: python.");
  }

  @Test
  void leavesOutTheGapSentenceWhenNothingIsMissing() {
    MatchData match =
        new MatchData("p", "v", "acme", "Barista", 100, List.of("customer service"), List.of());

    assertThat(NotificationText.body(match))
        .isEqualTo(
            "You have 100% of the skills asked for in \u201cBarista\u201d. Skills you have: customer service.");
  }
}
