package org.skillway.notification.email;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.skillway.events.MatchClosure;
import org.skillway.events.WithdrawalReason;

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
}
