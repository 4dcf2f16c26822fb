package org.skillway.notification.notify;

import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.skillway.events.EventCodec;
import org.skillway.events.MatchEvent;
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
  private final InAppNotifications inApp;

  MatchListener(EventCodec codec, InAppNotifications inApp) {
    this.codec = codec;
    this.inApp = inApp;
  }

  @KafkaListener(
      id = "notification-matches",
      topics = "#{T(org.skillway.events.Topic).MATCHES.topicName()}",
      groupId = "skillway-notification")
  void onMatch(ConsumerRecord<String, byte[]> record) {
    inApp.notify(EventRecords.decode(codec, record, MatchEvent.class)).block(PROCESSING_TIMEOUT);
  }
}
