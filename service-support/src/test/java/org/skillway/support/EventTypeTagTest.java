package org.skillway.support;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;

import io.micrometer.common.KeyValue;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

class EventTypeTagTest {
  private final EventTypeTag tag = new EventTypeTag();

  @Test
  void aKnownEventTypeBecomesTheLabel() {
    assertThat(typeOf("MatchFound")).isEqualTo("MatchFound");
  }

  @Test
  void anUnknownTypeIsLabelledUnknownSoAPoisonHeaderCannotGrowTheLabelsValues() {
    assertThat(typeOf("MatchExploded-" + System.nanoTime())).isEqualTo("unknown");
  }

  @Test
  void aRecordWithoutATypeIsLabelledNone() {
    assertThat(typeOf(null)).isEqualTo("none");
  }

  @Test
  void aListenerOutsideAnyGroupIsLabelledWithNoneSoItsTimingsShareTheGroupedListenersLabels() {
    ConsumerRecord<String, byte[]> record =
        new ConsumerRecord<>("skillway.access.v1", 0, 0L, "key", new byte[0]);
    KafkaRecordReceiverContext context =
        new KafkaRecordReceiverContext(record, "revocations", () -> "cluster");

    tag.map(context);

    assertThat(context.getLowCardinalityKeyValue("messaging.kafka.consumer.group").getValue())
        .isEqualTo("none");
  }

  private String typeOf(String header) {
    ConsumerRecord<String, byte[]> record =
        new ConsumerRecord<>("skillway.matches.v1", 0, 0L, "key", new byte[0]);
    if (header != null) {
      record.headers().add("eventType", header.getBytes(UTF_8));
    }
    KafkaRecordReceiverContext context =
        new KafkaRecordReceiverContext(record, "listener", () -> "cluster");
    tag.map(context);
    KeyValue value = context.getLowCardinalityKeyValue("event.type");
    return value == null ? null : value.getValue();
  }
}
