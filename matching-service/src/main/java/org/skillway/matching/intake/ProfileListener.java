package org.skillway.matching.intake;

import java.time.Duration;
import java.util.Collection;
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
import org.skillway.matching.profile.StoredProfile;
import org.skillway.support.EventRecords;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.listener.ConsumerSeekAware;
import org.springframework.stereotype.Component;

/**
 * Consumes the profiles topic in the shared {@code skillway-matching} group, so each instance owns
 * a share of the partitions. Blocking here is deliberate: this is a consumer thread, and finishing
 * one record before the next keeps each profile's events in order.
 */
@Component
class ProfileListener implements ConsumerSeekAware {
  static final Duration PROCESSING_TIMEOUT = Duration.ofSeconds(30);

  /**
   * Taking over partitions loads and re-matches their profiles; Kafka allows a rebalance up to 5
   * minutes.
   */
  static final Duration REBALANCE_TIMEOUT = Duration.ofMinutes(4);

  private final EventCodec codec;
  private final Matcher matcher;

  ProfileListener(EventCodec codec, Matcher matcher) {
    this.codec = codec;
    this.matcher = matcher;
  }

  @KafkaListener(
      id = "matching-profiles",
      topics = "#{T(org.skillway.events.Topic).PROFILES.topicName()}",
      groupId = "${skillway.matching.group-id}")
  void onProfile(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null) {
      // A compaction tombstone, written after ProfileErased so the log can forget the profile:
      // the erasure itself has already been handled, and there is nothing to read.
      return;
    }
    ProfileEvent event = EventRecords.decode(codec, record, ProfileEvent.class);
    if (event instanceof ProfileErased erased) {
      matcher
          .onProfileErased(erased.key(), erased.metadata().aggregateVersion())
          .block(PROCESSING_TIMEOUT);
      return;
    }
    ProfileSubmitted submitted = (ProfileSubmitted) event;
    StoredProfile profile =
        new StoredProfile(
            submitted.key(),
            submitted.metadata().aggregateVersion(),
            record.partition(),
            submitted.profile());
    matcher.onProfile(profile, submitted.metadata().occurredAt()).block(PROCESSING_TIMEOUT);
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
