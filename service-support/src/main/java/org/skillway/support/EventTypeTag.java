package org.skillway.support;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationFilter;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.common.header.Header;
import org.apache.kafka.common.header.Headers;
import org.skillway.events.EventHeaders;
import org.skillway.events.EventType;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;
import org.springframework.kafka.support.micrometer.KafkaRecordSenderContext;

/**
 * Adds {@code event_type} to the Kafka template's and listeners' observations, so {@code
 * spring_kafka_template_seconds} and {@code spring_kafka_listener_seconds} count events out and in
 * per topic and type. The value is the record's {@code eventType} header when it names a known
 * type, {@code unknown} when it names another (a poison event cannot grow the label's values), and
 * {@code none} without one (a compaction tombstone). A listener outside any consumer group is
 * labelled {@code messaging_kafka_consumer_group="none"}, so every listener's timings share one set
 * of labels.
 */
public class EventTypeTag implements ObservationFilter {
  static final String KEY = "event.type";
  static final String GROUP = "messaging.kafka.consumer.group";
  private static final Set<String> KNOWN =
      Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.toSet());

  @Override
  public Observation.Context map(Observation.Context context) {
    if (context instanceof KafkaRecordSenderContext sender) {
      return context.addLowCardinalityKeyValue(
          io.micrometer.common.KeyValue.of(KEY, type(sender.getRecord().headers())));
    }
    if (context instanceof KafkaRecordReceiverContext receiver) {
      context.addLowCardinalityKeyValue(
          io.micrometer.common.KeyValue.of(KEY, type(receiver.getRecord().headers())));
      // Prometheus needs one set of label names per metric: whichever listener records first fixes
      // it, and every other is then silently dropped. The revocation listener has no consumer
      // group;
      // left without the label, it would drop every grouped listener's timings when it went first.
      if (context.getLowCardinalityKeyValue(GROUP) == null) {
        context.addLowCardinalityKeyValue(io.micrometer.common.KeyValue.of(GROUP, "none"));
      }
      return context;
    }
    return context;
  }

  static String type(Headers headers) {
    Header header = headers.lastHeader(EventHeaders.EVENT_TYPE);
    if (header == null || header.value() == null) {
      return "none";
    }
    String type = new String(header.value(), StandardCharsets.UTF_8);
    return KNOWN.contains(type) ? type : "unknown";
  }
}
