package org.skillway.notification.notify;

import java.util.List;
import org.skillway.events.MatchClosure;
import org.skillway.events.MatchData;

/** Plain-English wording of a match for the person it concerns. */
public final class NotificationText {
  private NotificationText() {}

  static String title(MatchData match) {
    return "New match: " + match.vacancyTitle();
  }

  static String updatedTitle(MatchData match) {
    return "Your match has changed: " + match.vacancyTitle();
  }

  static String withdrawnTitle(MatchClosure closure) {
    return "No longer available: " + closure.vacancyTitle();
  }

  /**
   * No default branch: a reason added to the contract does not compile here until it has words of
   * its own.
   */
  public static String withdrawnBody(MatchClosure closure) {
    return switch (closure.reason()) {
      case VACANCY_CLOSED ->
          "The role \u201c" + closure.vacancyTitle() + "\u201d that we told you about has closed.";
      case CONSENT_WITHDRAWN ->
          "You asked not to be matched, so \u201c"
              + closure.vacancyTitle()
              + "\u201d is no longer shown.";
      case NO_LONGER_MATCHES ->
          "\u201c" + closure.vacancyTitle() + "\u201d no longer matches your profile.";
      // Never sent to the person (they asked to be forgotten); worded for anyone who sees it.
      case PROFILE_ERASED ->
          "\u201c" + closure.vacancyTitle() + "\u201d was removed with your profile.";
    };
  }

  static String body(MatchData match, SkillNames names) {
    StringBuilder body =
        new StringBuilder("\u201c")
            .append(match.vacancyTitle())
            .append("\u201d is a ")
            .append(match.score())
            .append("% match for you.");
    if (!match.matchedSkills().isEmpty()) {
      body.append(" Skills you have: ").append(list(match.matchedSkills(), names)).append('.');
    }
    String vouched = vouchedFor(match, names);
    if (vouched != null) {
      body.append(' ').append(vouched);
    }
    if (!match.missingSkills().isEmpty()) {
      body.append(" Skills to build: ").append(list(match.missingSkills(), names)).append('.');
    }
    return body.toString();
  }

  /**
   * Which of the skills behind the match the person's university vouches for, as a sentence; null
   * when all are self-declared.
   */
  public static String vouchedFor(MatchData match, SkillNames names) {
    return match.evidencedSkills().isEmpty()
        ? null
        : "Your university vouches for " + list(match.evidencedSkills(), names) + ".";
  }

  private static String list(List<String> skills, SkillNames names) {
    return String.join(", ", skills.stream().map(names::of).toList());
  }
}
