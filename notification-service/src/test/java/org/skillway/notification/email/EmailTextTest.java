package org.skillway.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillway.events.MatchClosure;
import org.skillway.events.MatchData;
import org.skillway.events.WithdrawalReason;
import org.skillway.support.InvitationSeal;

class EmailTextTest {
  private final EmailText emails = new EmailText(id -> id);

  @Test
  void aWithdrawalEmailSaysWhyInPlainWordsAsTextAndEscapedHtml() {
    MatchClosure closure =
        new MatchClosure(
            "p1", "v1", "acme", "Tea & cake maker", WithdrawalReason.CONSENT_WITHDRAWN);

    EmailText.Email email = emails.withdrawn(closure);

    assertThat(email.subject()).isEqualTo("No longer available: Tea & cake maker");
    assertThat(email.text())
        .isEqualTo(
            "You asked not to be matched, so \u201cTea & cake maker\u201d is no longer shown.");
    assertThat(email.html())
        .contains(
            "<p>You asked not to be matched, so &ldquo;Tea &amp; cake maker&rdquo; is no longer"
                + " shown.</p>");
  }

  private static MatchData match(String employerName) {
    return new MatchData(
        "p1",
        "v1",
        "acme-7731",
        "Data apprentice",
        67,
        List.of("sql"),
        List.of(),
        List.of(),
        List.of(),
        List.of(),
        null,
        List.of(),
        employerName);
  }

  @Test
  void aMatchEmailSaysWhoOffersTheRoleByNameEscapedInHtmlAndNeverByItsId() {
    EmailText.Email named = emails.found(match("Tea & Co"), false);
    EmailText.Email unnamed = emails.found(match(null), false);

    assertThat(named.subject()).isEqualTo("New match: Data apprentice (67%)");
    assertThat(named.text()).startsWith("\u201cData apprentice\u201d at Tea & Co is a 67% match");
    assertThat(named.html())
        .contains("<p>\u201cData apprentice\u201d at Tea &amp; Co is a 67% match for you.</p>");
    assertThat(unnamed.text()).startsWith("\u201cData apprentice\u201d is a 67% match for you.");
    assertThat(named.text() + named.html() + unnamed.text() + unnamed.html())
        .doesNotContain("acme-7731");
  }

  @Test
  void aMatchEmailSaysWhichMissingSkillAMoveFromThePersonsOccupationIsBuiltOn() {
    java.util.Map<String, String> names =
        java.util.Map.of(
            "skill/sales", "implement sales strategies",
            "occupation/supervisor", "shop supervisor",
            "occupation/manager", "retail department manager");
    EmailText named = new EmailText(id -> names.getOrDefault(id, id));
    MatchData match =
        new MatchData(
            "p1",
            "v1",
            "acme",
            "Retail department manager",
            64,
            List.of("skill/staff"),
            List.of("skill/sales"),
            List.of(),
            List.of(),
            List.of(
                org.skillway.events.PathwayStep.move(
                    "skill/sales", "occupation/supervisor", "occupation/manager")),
            null,
            List.of(),
            "Acme Stores");

    EmailText.Email email = named.found(match, false);

    String sentence =
        "moving from shop supervisor to retail department manager means building implement sales"
            + " strategies: ESCO lists it as essential to retail department manager work, not to"
            + " shop supervisor work";
    assertThat(email.text()).contains("- " + sentence);
    assertThat(email.html()).contains("<li>" + sentence + "</li>");
    assertThat(email.text() + email.html()).doesNotContain("occupation/");
  }

  @Test
  void anInvitationNamesTheUniversityByItsDisplayNameOrAsYourUniversityNeverByItsId() {
    InvitationSeal.Opened opened =
        new InvitationSeal.Opened(
            "sam@students.example.ac.uk",
            "uclan-7731",
            "https://skillway.example/claim?token=t",
            Instant.parse("2026-12-13T09:15:00Z"));

    EmailText.Email named = EmailText.invitation(opened, "University of Central Lancashire");
    EmailText.Email unnamed = EmailText.invitation(opened, null);

    assertThat(named.text())
        .startsWith("University of Central Lancashire has added you to Skillway,")
        .contains("until 13 December 2026");
    assertThat(unnamed.text()).startsWith("Your university has added you to Skillway,");
    assertThat(named.text() + named.html() + unnamed.text() + unnamed.html())
        .doesNotContain("uclan-7731");
  }
}
