package org.skillway.matching.intake;

import java.time.Duration;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.skillway.events.EventCodec;
import org.skillway.events.ProfileErased;
import org.skillway.events.ProfileEvent;
import org.skillway.events.ProfileSubmitted;
import org.skillway.matching.match.Matcher;
import org.skillway.matching.profile.ProfileStore;
import org.skillway.matching.profile.StoredProfile;
import org.skillway.support.BatchObservation;
import org.skillway.support.EventRecords;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Consumes the profiles topic in the shared {@code skillway-matching} group, so each instance owns
 * a share of the partitions, a poll's worth of records at a time: the profiles submitted in one
 * poll are stored and matched together, in bulk. Blocking here is deliberate: this is a consumer
 * thread, and finishing one batch before the next keeps each profile's events in order.
 */
@Component
class ProfileListener implements ConsumerSeekAware {
  private static final Logger log = LoggerFactory.getLogger(ProfileListener.class);

  static final Duration PROCESSING_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Taking over partitions loads and re-matches their profiles; Kafka allows a rebalance up to 5
   * minutes.
   */
  static final Duration REBALANCE_TIMEOUT = Duration.ofMinutes(4);

  private final EventCodec codec;
  private final Matcher matcher;
  private final io.micrometer.observation.ObservationRegistry observations;
  private final String groupId;

  ProfileListener(
      EventCodec codec,
      Matcher matcher,
      io.micrometer.observation.ObservationRegistry observations,
      @org.springframework.beans.factory.annotation.Value("${skillway.matching.group-id}")
          String groupId) {
    this.codec = codec;
    this.matcher = matcher;
    this.observations = observations;
    this.groupId = groupId;
  }

  @KafkaListener(
      id = "matching-profiles",
      topics = "#{T(org.skillway.events.Topic).PROFILES.topicName()}",
      groupId = "${skillway.matching.group-id}",
      batch = "true")
  void onProfiles(List<ConsumerRecord<String, byte[]>> records) {
    BatchObservation.observe(observations, records, "matching-profiles-0", groupId, this::handle);
  }

  private void handle(List<ConsumerRecord<String, byte[]>> records) {
    // Submissions are gathered and matched in bulk; an erasure, or an unreadable record, first
    // finishes what was gathered before it, so each profile's events keep their order.
    List<ProfileStore.Submission> gathered = new ArrayList<>();
    int firstGathered = 0;
    for (int i = 0; i < records.size(); i++) {
      ConsumerRecord<String, byte[]> record = records.get(i);
      if (record.value() == null) {
        // A compaction tombstone, written after ProfileErased so the log can forget the profile:
        // the erasure itself has already been handled, and there is nothing to read.
        continue;
      }
      ProfileEvent event;
      try {
        event = EventRecords.decode(codec, record, ProfileEvent.class);
      } catch (RuntimeException unreadable) {
        flush(records, gathered, firstGathered);
        throw new BatchListenerFailedException(unreadable.getMessage(), unreadable, record);
      }
      if (event instanceof ProfileErased erased) {
        flush(records, gathered, firstGathered);
        gathered.clear();
        firstGathered = i + 1;
        try {
          matcher
              .onProfileErased(erased.key(), erased.metadata().aggregateVersion())
              .block(PROCESSING_TIMEOUT);
        } catch (RuntimeException failed) {
          throw new BatchListenerFailedException(failed.getMessage(), failed, record);
        }
        continue;
      }
      ProfileSubmitted submitted = (ProfileSubmitted) event;
      if (gathered.isEmpty()) {
        firstGathered = i;
      }
      gathered.add(
          new ProfileStore.Submission(
              new StoredProfile(
                  submitted.key(),
                  submitted.metadata().aggregateVersion(),
                  record.partition(),
                  submitted.profile()),
              submitted.metadata().occurredAt()));
    }
    flush(records, gathered, firstGathered);
  }

  /**
   * Matches the gathered submissions in one bulk; should that fail, one at a time, so that the
   * record that fails is the one retried and, in the end, dead-lettered, not the whole batch.
   */
  private void flush(
      List<ConsumerRecord<String, byte[]>> records,
      List<ProfileStore.Submission> gathered,
      int first) {
    if (gathered.isEmpty()) {
      return;
    }
    try {
      matcher.onProfiles(gathered).block(PROCESSING_TIMEOUT);
      return;
    } catch (RuntimeException bulkFailed) {
      log.warn(
          "matching {} profiles together failed; matching them one by one",
          gathered.size(),
          bulkFailed);
    }
    int at = first;
    for (ProfileStore.Submission one : gathered) {
      while (records.get(at).value() == null) {
        at++;
      }
      try {
        matcher.onProfiles(List.of(one)).block(PROCESSING_TIMEOUT);
      } catch (RuntimeException failed) {
        throw new BatchListenerFailedException(failed.getMessage(), failed, records.get(at));
      }
      at++;
    }
  }

  @Override
  public void onPartitionsAssigned(
      Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
    Set<Integer> partitions =
        assignments.keySet().stream().map(TopicPartition::partition).collect(Collectors.toSet());
    matcher.onPartitionsAssigned(partitions).block(REBALANCE_TIMEOUT);
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    Set<Integer> revoked =
        partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet());
    matcher.onPartitionsRevoked(revoked).block(REBALANCE_TIMEOUT);
  }
}
