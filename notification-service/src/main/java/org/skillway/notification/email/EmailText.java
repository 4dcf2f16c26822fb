package org.skillway.notification.email;

import java.util.List;
import org.skillway.events.MatchClosure;
import org.skillway.events.MatchData;
import org.skillway.events.PathwayStep;
import org.skillway.events.ScorePart;
import org.skillway.notification.notify.NotificationText;
import org.skillway.notification.notify.SkillNames;
import org.skillway.support.InvitationSeal;
import org.springframework.web.util.HtmlUtils;

/**
 * The e-mails, in plain English, as plain text and as simple HTML (no images, no scripts, readable
 * on a phone): the match, the reasons, the skills to build and how. {@code label} turns a skill id
 * into its name.
 */
public final class EmailText {
  private final SkillNames label;

  public EmailText(SkillNames label) {
    this.label = label;
  }

  public record Email(String subject, String text, String html) {}

  public Email found(MatchData match, boolean changed) {
    String subject =
        (changed ? "Your match has changed: " : "New match: ")
            + match.vacancyTitle()
            + " ("
            + match.score()
            + "%)";
    return new Email(
        subject,
        text(match),
        "<!doctype html><html lang=\"en-GB\"><body>" + html(match) + "</body></html>");
  }

  public Email withdrawn(MatchClosure closure) {
    String text = NotificationText.withdrawnBody(closure);
    return new Email(
        "No longer available: " + closure.vacancyTitle(),
        text,
        "<!doctype html><html lang=\"en-GB\"><body><p>"
            + HtmlUtils.htmlEscape(text)
            + "</p></body></html>");
  }

  /**
   * The invitation to claim an account a university created. It names the university so the person
   * knows why they hear from Skillway, and says what to do if it was not meant for them.
   *
   * @param universityName the university's display name; {@code null} if it set none, when it is
   *     "your university" (its id is an internal code, no name a person would know)
   */
  public static Email invitation(InvitationSeal.Opened invitation, String universityName) {
    String expires =
        java.time.format.DateTimeFormatter.ofPattern("d MMMM yyyy", java.util.Locale.UK)
            .format(invitation.expiresAt().atZone(java.time.ZoneId.of("Europe/London")));
    String intro =
        (universityName == null ? "Your university" : universityName)
            + " has added you to Skillway, which matches students in North West England with"
            + " local apprenticeships, placements and graduate roles.";
    String action = "Choose a password to claim your account:";
    String after =
        "The link works once, until "
            + expires
            + ". If you did not expect this e-mail, ignore it: nobody can use the account without"
            + " this link, and your university can tell you what it holds.";
    return new Email(
        "Claim your Skillway account",
        intro + "\n\n" + action + "\n" + invitation.claimUrl() + "\n\n" + after,
        "<!doctype html><html lang=\"en-GB\"><body><p>"
            + HtmlUtils.htmlEscape(intro)
            + "</p><p>"
            + HtmlUtils.htmlEscape(action)
            + "</p><p><a href=\""
            + HtmlUtils.htmlEscape(invitation.claimUrl())
            + "\">Claim your account</a></p><p>"
            + HtmlUtils.htmlEscape(after)
            + "</p></body></html>");
  }

  /** One e-mail for many matches: the daily or weekly digest. */
  public static Email digest(List<Email> items) {
    String subject =
        items.size() == 1
            ? "Your Skillway digest: 1 update"
            : "Your Skillway digest: " + items.size() + " updates";
    StringBuilder text = new StringBuilder();
    StringBuilder html = new StringBuilder("<!doctype html><html lang=\"en-GB\"><body>");
    for (Email item : items) {
      text.append(item.subject()).append("\n\n").append(item.text()).append("\n\n---\n\n");
      html.append("<h2>")
          .append(HtmlUtils.htmlEscape(item.subject()))
          .append("</h2>")
          .append(bodyOf(item.html()));
    }
    return new Email(subject, text.toString().strip(), html.append("</body></html>").toString());
  }

  private static String bodyOf(String html) {
    int start = html.indexOf("<body>");
    int end = html.lastIndexOf("</body>");
    return start < 0 || end < 0 ? html : html.substring(start + 6, end);
  }

  /** The role, and who offers it when the employer has a name: "“Title” at Acme Digital". */
  private static String role(MatchData match) {
    String title = "\u201c" + match.vacancyTitle() + "\u201d";
    return match.employerName() == null ? title : title + " at " + match.employerName();
  }

  private String text(MatchData match) {
    StringBuilder text =
        new StringBuilder(role(match))
            .append(" is a ")
            .append(match.score())
            .append("% match for you.\n\nWhy:\n");
    for (ScorePart part : match.parts()) {
      text.append("- ").append(part.reason()).append('\n');
    }
    if (!match.matchedSkills().isEmpty()) {
      text.append("\nSkills you have: ").append(names(match.matchedSkills())).append('\n');
    }
    String vouched = NotificationText.vouchedFor(match, label);
    if (vouched != null) {
      text.append(vouched).append('\n');
    }
    if (!match.missingSkills().isEmpty()) {
      text.append("\nSkills to build: ").append(names(match.missingSkills())).append('\n');
      for (PathwayStep step : match.pathways()) {
        text.append("- ").append(describe(step)).append('\n');
      }
    }
    return text.toString().strip();
  }

  private String html(MatchData match) {
    StringBuilder html =
        new StringBuilder("<p>\u201c").append(HtmlUtils.htmlEscape(match.vacancyTitle()));
    html.append('\u201d');
    if (match.employerName() != null) {
      html.append(" at ").append(HtmlUtils.htmlEscape(match.employerName()));
    }
    html.append(" is a ").append(match.score()).append("% match for you.</p><h3>Why</h3><ul>");
    for (ScorePart part : match.parts()) {
      html.append("<li>").append(HtmlUtils.htmlEscape(part.reason())).append("</li>");
    }
    html.append("</ul>");
    if (!match.matchedSkills().isEmpty()) {
      html.append("<p>Skills you have: ")
          .append(HtmlUtils.htmlEscape(names(match.matchedSkills())))
          .append("</p>");
    }
    String vouched = NotificationText.vouchedFor(match, label);
    if (vouched != null) {
      html.append("<p>").append(HtmlUtils.htmlEscape(vouched)).append("</p>");
    }
    if (!match.missingSkills().isEmpty()) {
      html.append("<h3>Skills to build</h3><p>")
          .append(HtmlUtils.htmlEscape(names(match.missingSkills())))
          .append("</p><ul>");
      for (PathwayStep step : match.pathways()) {
        html.append("<li>").append(HtmlUtils.htmlEscape(describe(step))).append("</li>");
      }
      html.append("</ul>");
    }
    return html.toString();
  }

  private String describe(PathwayStep step) {
    String skill = label.of(step.missingSkill());
    return switch (step.kind()) {
      case "ROLE" -> "\u201c" + step.title() + "\u201d builds " + skill;
      case "MOVE" -> move(skill, label.of(step.fromOccupation()), label.of(step.toOccupation()));
      default -> "build " + skill + " on what you know of " + label.of(step.relatedSkill());
    };
  }

  /** The sentence for a skill a move between occupations is built on; the web page says it too. */
  static String move(String skill, String from, String to) {
    return "moving from "
        + from
        + " to "
        + to
        + " means building "
        + skill
        + ": ESCO lists it as essential to "
        + to
        + " work, not to "
        + from
        + " work";
  }

  private String names(List<String> skills) {
    return String.join(", ", skills.stream().map(label::of).toList());
  }
}
