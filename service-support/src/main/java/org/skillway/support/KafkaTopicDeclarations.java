package org.skillway.support;

import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.apache.kafka.common.config.TopicConfig;
import org.skillway.events.Topic;
import org.springframework.kafka.config.TopicBuilder;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Declares every topic in {@link Topic} with the same layout in every service, so whichever service
 * starts first creates them and none waits on another. Dead-letter topics get as many partitions as
 * their source.
 */
public final class KafkaTopicDeclarations {
  /** How long compaction may leave an erased key's events, and then its tombstone, in the log. */
  public static final java.time.Duration ERASURE_LAG = java.time.Duration.ofDays(1);

  private KafkaTopicDeclarations() {}

  public static KafkaAdmin.NewTopics all(SkillwayProperties.Kafka kafka) {
    return new KafkaAdmin.NewTopics(declarations(kafka).toArray(NewTopic[]::new));
  }

  static List<NewTopic> declarations(SkillwayProperties.Kafka kafka) {
    return Arrays.stream(Topic.values()).map(t -> declare(t, kafka)).toList();
  }

  static NewTopic declare(Topic topic, SkillwayProperties.Kafka kafka) {
    TopicBuilder builder =
        TopicBuilder.name(topic.topicName())
            .partitions(kafka.partitions())
            .replicas(kafka.replicationFactor());
    if (topic.compacted()) {
      builder.config(TopicConfig.CLEANUP_POLICY_CONFIG, TopicConfig.CLEANUP_POLICY_COMPACT);
      // Erasure: a key's events are compacted away within a day of its tombstone, and the
      // tombstone itself a day later, so Kafka has forgotten an erased profile within two days.
      builder.config(
          TopicConfig.MAX_COMPACTION_LAG_MS_CONFIG, String.valueOf(ERASURE_LAG.toMillis()));
      builder.config(
          TopicConfig.DELETE_RETENTION_MS_CONFIG, String.valueOf(ERASURE_LAG.toMillis()));
    }
    topic
        .retention()
        .ifPresent(
            retention ->
                builder.config(
                    TopicConfig.RETENTION_MS_CONFIG, String.valueOf(retention.toMillis())));
    return builder.build();
  }
}
