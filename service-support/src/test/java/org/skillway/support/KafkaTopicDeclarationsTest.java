package org.skillway.support;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import java.util.List;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.Test;
import org.skillway.events.Topic;

class KafkaTopicDeclarationsTest {
  @Test
  void everyTopicIsDeclaredWithTheSamePartitionsSoDeadLettersKeepTheirSourcePartition() {
    List<NewTopic> topics =
        KafkaTopicDeclarations.declarations(new SkillwayProperties.Kafka(12, (short) 3));

    assertThat(topics.stream().map(NewTopic::name))
        .containsExactlyInAnyOrder(
            Arrays.stream(Topic.values()).map(Topic::topicName).toArray(String[]::new));
    assertThat(topics).allSatisfy(t -> assertThat(t.numPartitions()).isEqualTo(12));
    assertThat(topics).allSatisfy(t -> assertThat(t.replicationFactor()).isEqualTo((short) 3));
  }

  @Test
  void profilesAndVacanciesAreCompactedAndMatchesAreNot() {
    SkillwayProperties.Kafka layout = new SkillwayProperties.Kafka(6, (short) 1);

    assertThat(KafkaTopicDeclarations.declare(Topic.PROFILES, layout).configs())
        .containsEntry("cleanup.policy", "compact");
    assertThat(KafkaTopicDeclarations.declare(Topic.VACANCIES, layout).configs())
        .containsEntry("cleanup.policy", "compact");
    // No configs at all: the broker's default cleanup policy, delete.
    assertThat(KafkaTopicDeclarations.declare(Topic.MATCHES, layout).configs()).isNullOrEmpty();
  }
}
