package org.skillway.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.UUID;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.EnumSource;
import org.skillway.events.EventMetadata;
import org.skillway.events.MatchClosure;
import org.skillway.events.MatchWithdrawn;
import org.skillway.events.WithdrawalReason;
import tools.jackson.databind.json.JsonMapper;

class WebhookPayloadTest {
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .changeDefaultPropertyInclusion(
              inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  /** Employers' receivers compare these strings: the enum must not change what they get. */
  @ParameterizedTest
  @EnumSource(WithdrawalReason.class)
  void aWithdrawalTellsTheEmployerItsReasonByTheSameNameAsBefore(WithdrawalReason reason) {
    MatchWithdrawn withdrawn =
        new MatchWithdrawn(
            new EventMetadata(
                UUID.fromString("11111111-2222-3333-4444-555555555555"),
                Instant.parse("2026-11-28T10:00:00Z"),
                "p1:v1",
                3),
            new MatchClosure("p1", "v1", "acme", "Data analyst", reason));

    String body = JSON.writeValueAsString(WebhookPayload.withdrawn(withdrawn, withdrawn.closure()));

    assertThat(body)
        .isEqualTo(
            "{\"eventId\":\"11111111-2222-3333-4444-555555555555\",\"type\":\"MatchWithdrawn\","
                + "\"occurredAt\":\"2026-11-28T10:00:00Z\",\"matchId\":\"p1:v1\","
                + "\"vacancyId\":\"v1\",\"vacancyTitle\":\"Data analyst\",\"candidate\":\"p1\","
                + "\"reason\":\""
                + reason.name()
                + "\"}");
  }
}
