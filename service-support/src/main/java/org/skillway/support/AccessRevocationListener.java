package org.skillway.support;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.skillway.events.AccessRevoked;
import org.skillway.events.EventCodec;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.annotation.PartitionOffset;
import org.springframework.kafka.annotation.TopicPartition;
import org.springframework.scheduling.annotation.Scheduled;

/**
 * Feeds {@link AccessRevocations} from {@code skillway.access.v1}. Every instance must hear every
 * revocation, so this listener is not part of a consumer group's share-out: it is assigned all
 * partitions and reads them from the start (the topic keeps one day, longer than any token lives),
 * so a restarted instance knows every token still to refuse before it serves a request for long.
 * Without a group id nothing is committed (spring-kafka then acknowledges manually, and never). A
 * poison event goes to this service's dead-letter topic like any other.
 */
public class AccessRevocationListener {
  private final EventCodec codec;
  private final AccessRevocations revocations;

  public AccessRevocationListener(EventCodec codec, AccessRevocations revocations) {
    this.codec = codec;
    this.revocations = revocations;
  }

  @KafkaListener(
      id = "${spring.application.name}-access-revocations",
      // No consumer group: nothing is committed (every start reads from offset 0 anyway), so the
      // broker keeps no offsets for it and no group coordinator is involved.
      idIsGroup = false,
      topicPartitions =
          @TopicPartition(
              topic = "#{T(org.skillway.events.Topic).ACCESS.topicName()}",
              // Every topic is declared with skillway.kafka.partitions partitions.
              partitions = "#{'0-' + (${skillway.kafka.partitions:6} - 1)}",
              partitionOffsets = @PartitionOffset(partition = "*", initialOffset = "0")))
  void onRevocation(ConsumerRecord<String, byte[]> record) {
    AccessRevoked event = EventRecords.decode(codec, record, AccessRevoked.class);
    revocations.apply(event.key(), event.revocation());
  }

  @Scheduled(fixedDelayString = "PT5M")
  void forgetExpired() {
    revocations.forgetExpired();
  }
}
