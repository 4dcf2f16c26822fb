package org.skillway.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.time.Instant;
import org.junit.jupiter.api.Test;

class WebhookSignatureTest {
  private static final Instant NOW = Instant.parse("2026-11-28T10:00:00Z");
  private static final String BODY = "{\"type\":\"MatchFound\",\"score\":81}";

  @Test
  void aReceiverAcceptsWhatWasSignedWithItsSecret() {
    String header = WebhookSignature.sign("whsec_1", NOW, BODY);

    assertThat(header).startsWith("t=" + NOW.getEpochSecond() + ",v1=");
    assertThat(WebhookSignature.verify("whsec_1", header, BODY, NOW.plusSeconds(3))).isTrue();
  }

  @Test
  void aChangedBodyAWrongSecretOrAMangledHeaderIsRejected() {
    String header = WebhookSignature.sign("whsec_1", NOW, BODY);

    assertThat(WebhookSignature.verify("whsec_1", header, BODY.replace("81", "99"), NOW)).isFalse();
    assertThat(WebhookSignature.verify("whsec_2", header, BODY, NOW)).isFalse();
    assertThat(WebhookSignature.verify("whsec_1", "v1=abc", BODY, NOW)).isFalse();
    assertThat(WebhookSignature.verify("whsec_1", null, BODY, NOW)).isFalse();
  }

  /** A captured request replayed later than the window is refused. */
  @Test
  void aReplayOutsideTheWindowIsRejected() {
    String header = WebhookSignature.sign("whsec_1", NOW, BODY);

    assertThat(
            WebhookSignature.verify(
                "whsec_1", header, BODY, NOW.plus(WebhookSignature.REPLAY_WINDOW).plusSeconds(1)))
        .isFalse();
    assertThat(WebhookSignature.verify("whsec_1", header, BODY, NOW.plus(Duration.ofMinutes(4))))
        .isTrue();
  }
}
