package org.skillway.notification.notify;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.skillway.events.EventCodec;
import org.skillway.events.MatchEvent;
import org.skillway.notification.delivery.MatchNotifier;
import org.skillway.support.EventRecords;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes match events. Blocking is deliberate: this is a consumer thread, and finishing one
 * record before the next keeps one person's notifications in order.
 */
@Component
class MatchListener {
  private static final Duration PROCESSING_TIMEOUT = Duration.ofSeconds(30);

  private final EventCodec codec;
  private final MatchNotifier notifier;

  MatchListener(EventCodec codec, MatchNotifier notifier) {
    this.codec = codec;
    this.notifier = notifier;
  }

  @KafkaListener(
      id = "notification-matches",
      topics = "#{T(org.skillway.events.Topic).MATCHES.topicName()}",
      groupId = "${skillway.notification.group-id:skillway-notification}")
  void onMatch(ConsumerRecord<String, byte[]> record) {
    notifier
        .onMatchEvent(EventRecords.decode(codec, record, MatchEvent.class))
        .block(PROCESSING_TIMEOUT);
  }
}
