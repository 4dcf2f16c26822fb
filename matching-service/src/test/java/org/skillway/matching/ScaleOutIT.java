package org.skillway.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skillway.events.EventCodec;
import org.skillway.events.EventMetadata;
import org.skillway.events.MatchFound;
import org.skillway.events.Pathway;
import org.skillway.events.ProfileData;
import org.skillway.events.ProfileSubmitted;
import org.skillway.events.SkillLevel;
import org.skillway.events.SkillwayEvent;
import org.skillway.events.Topic;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyKind;
import org.skillway.events.VacancyPublished;
import org.skillway.infra.TestInfrastructure;
import org.skillway.infra.TopicReader;
import org.skillway.matching.match.MatchIndex;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * Two matching instances share the profile partitions (one consumer group) and each reads every
 * vacancy. A vacancy is matched by both, each against its own candidates, so every candidate is
 * matched exactly once.
 */
class ScaleOutIT {
  private static final EventCodec CODEC = new EventCodec();
  private static final String SKILL = "scale-out-skill-" + UUID.randomUUID();
  private static final String GROUP = "scale-out-" + UUID.randomUUID();
  private static ConfigurableApplicationContext first;
  private static ConfigurableApplicationContext second;
  private static KafkaProducer<String, byte[]> producer;
  private static TopicReader matches;

  private static ConfigurableApplicationContext start(String instanceId) {
    List<String> args =
        TestInfrastructure.shared().springProperties("scale-out-it").entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .collect(Collectors.toList());
    args.add("--server.port=0");
    args.add("--skillway.matching.instance-id=" + instanceId);
    args.add("--skillway.matching.group-id=" + GROUP);
    return MatchingApplication.builder().run(args.toArray(String[]::new));
  }

  @BeforeAll
  static void startTwoInstances() {
    first = start("instance-a-" + UUID.randomUUID());
    second = start("instance-b-" + UUID.randomUUID());
    String kafka = TestInfrastructure.shared().kafkaBootstrapServers();
    producer = TestInfrastructure.shared().rawProducer();
    matches = new TopicReader(kafka, Topic.MATCHES.topicName());
    await()
        .atMost(Duration.ofSeconds(60))
        .until(() -> !assigned(first).isEmpty() && !assigned(second).isEmpty());
  }

  @AfterAll
  static void stop() {
    producer.close();
    matches.close();
    second.close();
    first.close();
  }

  private static Set<Integer> assigned(ConfigurableApplicationContext context) {
    var container =
        context
            .getBean(KafkaListenerEndpointRegistry.class)
            .getListenerContainer("matching-profiles");
    var partitions = container.getAssignedPartitions();
    return partitions == null
        ? Set.of()
        : partitions.stream().map(p -> p.partition()).collect(Collectors.toSet());
  }

  private static void send(SkillwayEvent event) throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                event.type().topic().topicName(), event.key(), CODEC.encode(event)))
        .get();
  }

  private static VacancyPublished vacancy(String id) {
    return new VacancyPublished(
        EventMetadata.next(id, 1, Instant.now()),
        new VacancyData(
            "acme",
            "Role " + id,
            VacancyKind.PLACEMENT,
            List.of(new SkillLevel(SKILL, 1)),
            "M1",
            LocalDate.now().plusDays(30)));
  }

  private static List<String> matchedProfiles(String vacancyId, int expected) {
    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> matchesOf(vacancyId, Duration.ofMillis(200)).size() >= expected);
    return matchesOf(vacancyId, Duration.ofSeconds(2));
  }

  private static List<String> matchesOf(String vacancyId, Duration settle) {
    return matches.poll(settle).stream()
        .map(ConsumerRecord::value)
        .map(CODEC::decode)
        .filter(e -> e instanceof MatchFound)
        .map(e -> ((MatchFound) e).match())
        .filter(m -> m.vacancyId().equals(vacancyId))
        .map(m -> m.profileId())
        .toList();
  }

  @Test
  void everyCandidateIsMatchedExactlyOnceAcrossTwoInstancesInBothDirections() throws Exception {
    Set<Integer> partitionsA = assigned(first);
    Set<Integer> partitionsB = assigned(second);
    assertThat(partitionsA).doesNotContainAnyElementsOf(partitionsB);
    assertThat(partitionsA.size() + partitionsB.size()).isEqualTo(TestInfrastructure.PARTITIONS);

    String early = "v-early-" + UUID.randomUUID();
    send(vacancy(early));
    List<String> profileIds =
        IntStream.range(0, 24).mapToObj(i -> "p-" + i + "-" + UUID.randomUUID()).toList();
    for (String id : profileIds) {
      send(
          new ProfileSubmitted(
              EventMetadata.next(id, 1, Instant.now()),
              new ProfileData(Pathway.STUDENT, List.of(new SkillLevel(SKILL, 3)), "M1", true)));
    }

    // A profile is matched by the instance that owns its partition, against every vacancy.
    assertThat(matchedProfiles(early, profileIds.size()))
        .containsExactlyInAnyOrderElementsOf(profileIds);
    int ownedByA = first.getBean(MatchIndex.class).profileCount();
    int ownedByB = second.getBean(MatchIndex.class).profileCount();
    assertThat(ownedByA).isPositive();
    assertThat(ownedByB).isPositive();

    // A new vacancy is matched by both instances, each against its own candidates.
    String late = "v-late-" + UUID.randomUUID();
    send(vacancy(late));
    assertThat(matchedProfiles(late, profileIds.size()))
        .containsExactlyInAnyOrderElementsOf(profileIds);
  }
}
