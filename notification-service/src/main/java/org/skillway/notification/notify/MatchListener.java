package org.skillway.notification.notify;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.skillway.events.EventCodec;
import org.skillway.events.MatchEvent;
import org.skillway.events.MatchFound;
import org.skillway.notification.delivery.MatchNotifier;
import org.skillway.support.BatchObservation;
import org.skillway.support.EventRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.stereotype.Component;

/**
 * Consumes match events, a poll's worth at a time: a burst of new matches is notified together.
 * Blocking is deliberate: this is a consumer thread, and finishing one batch before the next keeps
 * one person's notifications in order.
 */
@Component
class MatchListener {
  private static final Logger log = LoggerFactory.getLogger(MatchListener.class);
  private static final Duration PROCESSING_TIMEOUT = Duration.ofSeconds(30);

  private final EventCodec codec;
  private final MatchNotifier notifier;
  private final io.micrometer.observation.ObservationRegistry observations;
  private final String groupId;

  MatchListener(
      EventCodec codec,
      MatchNotifier notifier,
      io.micrometer.observation.ObservationRegistry observations,
      org.skillway.notification.system.NotificationProperties settings) {
    this.codec = codec;
    this.notifier = notifier;
    this.observations = observations;
    this.groupId = settings.groupId();
  }

  @KafkaListener(
      id = "notification-matches",
      topics = "#{T(org.skillway.events.Topic).MATCHES.topicName()}",
      groupId = "${skillway.notification.group-id:skillway-notification}",
      batch = "true")
  void onMatches(List<ConsumerRecord<String, byte[]>> records) {
    BatchObservation.observe(
        observations, records, "notification-matches-0", groupId, this::handle);
  }

  private void handle(List<ConsumerRecord<String, byte[]>> records) {
    // New matches are gathered and handled together; any other event first finishes what was
    // gathered before it, so one match's events keep their order.
    List<MatchFound> gathered = new ArrayList<>();
    List<ConsumerRecord<String, byte[]>> gatheredRecords = new ArrayList<>();
    for (ConsumerRecord<String, byte[]> record : records) {
      MatchEvent event;
      try {
        event = EventRecords.decode(codec, record, MatchEvent.class);
      } catch (RuntimeException unreadable) {
        flush(gathered, gatheredRecords);
        throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, record);
      }
      if (MatchNotifier.isNewMatch(event)) {
        gathered.add((MatchFound) event);
        gatheredRecords.add(record);
        continue;
      }
      flush(gathered, gatheredRecords);
      one(event, record);
    }
    flush(gathered, gatheredRecords);
  }

  /**
   * Handles the gathered new matches together; should that fail, one at a time, so that the record
   * that fails is the one retried and, in the end, dead-lettered, not the whole batch.
   */
  private void flush(List<MatchFound> gathered, List<ConsumerRecord<String, byte[]>> records) {
    if (gathered.isEmpty()) {
      return;
    }
    try {
      notifier.onNewMatches(gathered).block(PROCESSING_TIMEOUT);
    } catch (RuntimeException together) {
      log.warn("notifying {} matches together failed; one by one", gathered.size(), together);
      for (int i = 0; i < gathered.size(); i++) {
        one(gathered.get(i), records.get(i));
      }
    }
    gathered.clear();
    records.clear();
  }

  private void one(MatchEvent event, ConsumerRecord<String, byte[]> record) {
    try {
      notifier.onMatchEvent(event).block(PROCESSING_TIMEOUT);
    } catch (RuntimeException failed) {
      throw new BatchListenerFailedException(failed.getMessage(), failed, record);
    }
  }
}
