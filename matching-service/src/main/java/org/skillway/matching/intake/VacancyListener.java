package org.skillway.matching.intake;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.skillway.events.EventCodec;
import org.skillway.events.InvalidEventException;
import org.skillway.events.SkillwayEvent;
import org.skillway.events.VacancyPublished;
import org.skillway.matching.match.Matcher;
import org.skillway.matching.vacancy.StoredVacancy;
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
    SkillwayEvent event = codec.decode(record.value());
    if (!(event instanceof VacancyPublished published)) {
      throw new InvalidEventException(
          event.type().wireName() + " does not belong on the vacancies topic");
    }
    if (!published.key().equals(record.key())) {
      throw new InvalidEventException(
          "record key '" + record.key() + "' differs from aggregateId '" + published.key() + "'");
    }
    matcher
        .onVacancy(
            new StoredVacancy(
                published.key(), published.metadata().aggregateVersion(), published.vacancy()))
        .block(ProfileListener.PROCESSING_TIMEOUT);
  }
}
