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
 * {@code none} without one (a compaction tombstone).
 */
public class EventTypeTag implements ObservationFilter {
  static final String KEY = "event.type";
  private static final Set<String> KNOWN =
      Arrays.stream(EventType.values()).map(EventType::wireName).collect(Collectors.toSet());

  @Override
  public Observation.Context map(Observation.Context context) {
    if (context instanceof KafkaRecordSenderContext sender) {
      return context.addLowCardinalityKeyValue(
          io.micrometer.common.KeyValue.of(KEY, type(sender.getRecord().headers())));
    }
    if (context instanceof KafkaRecordReceiverContext receiver) {
      return context.addLowCardinalityKeyValue(
          io.micrometer.common.KeyValue.of(KEY, type(receiver.getRecord().headers())));
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
