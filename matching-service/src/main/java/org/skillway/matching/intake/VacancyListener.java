package org.skillway.matching.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.skillway.events.EventCodec;
import org.skillway.events.VacancyPublished;
import org.skillway.matching.match.Matcher;
import org.skillway.matching.vacancy.StoredVacancy;
import org.skillway.support.EventRecords;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the whole vacancies topic in a consumer group of this instance's own, so every instance
 * sees every vacancy and matches it against the profiles it owns.
 */
@Component
class VacancyListener {
  private final EventCodec codec;
  private final Matcher matcher;

  VacancyListener(EventCodec codec, Matcher matcher) {
    this.codec = codec;
    this.matcher = matcher;
  }

  @KafkaListener(
      id = "matching-vacancies",
      topics = "#{T(org.skillway.events.Topic).VACANCIES.topicName()}",
      groupId = "skillway-matching-vacancies-${skillway.matching.instance-id}")
  void onVacancy(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      // A compaction tombstone, so the log can forget the vacancy's earlier events. It carries no
      // news: ingest writes one only after the vacancy's last real event, which was handled.
      return;
    }
    VacancyPublished published = EventRecords.decode(codec, record, VacancyPublished.class);
    matcher
        .onVacancy(
            new StoredVacancy(
                published.key(), published.metadata().aggregateVersion(), published.vacancy()))
        .block(ProfileListener.PROCESSING_TIMEOUT);
  }
}
