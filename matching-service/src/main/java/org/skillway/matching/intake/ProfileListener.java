package org.skillway.matching.intake;

import java.time.Duration;
import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.TopicPartition;
import org.skillway.events.EventCodec;
import org.skillway.events.ProfileSubmitted;
import org.skillway.matching.match.Matcher;
import org.skillway.matching.profile.OwnedPartitions;
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

  private final EventCodec codec;
  private final Matcher matcher;
  private final OwnedPartitions owned;

  ProfileListener(EventCodec codec, Matcher matcher, OwnedPartitions owned) {
    this.codec = codec;
    this.matcher = matcher;
    this.owned = owned;
  }

  @KafkaListener(
      id = "matching-profiles",
      topics = "#{T(org.skillway.events.Topic).PROFILES.topicName()}",
      groupId = "skillway-matching")
  void onProfile(ConsumerRecord<String, byte[]> record) {
    ProfileSubmitted submitted = EventRecords.decode(codec, record, ProfileSubmitted.class);
    StoredProfile profile =
        new StoredProfile(
            submitted.key(),
            submitted.metadata().aggregateVersion(),
            record.partition(),
            submitted.profile());
    matcher.onProfile(profile).block(PROCESSING_TIMEOUT);
  }

  @Override
  public void onPartitionsAssigned(
      Map<TopicPartition, Long> assignments, ConsumerSeekCallback callback) {
    Set<Integer> partitions =
        assignments.keySet().stream().map(TopicPartition::partition).collect(Collectors.toSet());
    owned.assigned(partitions);
    matcher.onPartitionsAssigned(partitions).block(PROCESSING_TIMEOUT);
  }

  @Override
  public void onPartitionsRevoked(Collection<TopicPartition> partitions) {
    owned.revoked(partitions.stream().map(TopicPartition::partition).collect(Collectors.toSet()));
  }
}
