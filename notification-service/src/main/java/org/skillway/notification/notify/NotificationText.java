package org.skillway.notification.notify;

import java.util.List;
import org.skillway.events.MatchData;

/** Plain-English wording of a match for the person it concerns. */
final class NotificationText {
  private NotificationText() {}

  static String title(MatchData match) {
    return "New match: " + match.vacancyTitle();
  }

  static String body(MatchData match) {
    StringBuilder body =
        new StringBuilder("You have ")
            .append(match.score())
            .append("% of the skills asked for in \u201c")
            .append(match.vacancyTitle())
            .append("\u201d.");
    if (!match.matchedSkills().isEmpty()) {
      body.append(" Skills you have: ").append(list(match.matchedSkills())).append('.');
    }
    if (!match.missingSkills().isEmpty()) {
      body.append(" Skills to build: ").append(list(match.missingSkills())).append('.');
    }
    return body.toString();
  }

  private static String list(List<String> skills) {
    return String.join(", ", skills);
  }
}
