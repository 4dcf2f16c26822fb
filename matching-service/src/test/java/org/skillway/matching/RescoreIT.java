package org.skillway.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.stream.Collectors;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skillway.events.MatchEvent;
import org.skillway.events.MatchFound;
import org.skillway.events.MatchUpdated;
import org.skillway.events.SkillwayEvent;
import org.skillway.events.Topic;
import org.skillway.infra.TestInfrastructure;
import org.skillway.infra.TopicReader;
import org.springframework.context.ConfigurableApplicationContext;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.kafka.config.KafkaListenerEndpointRegistry;

/**
 * A taxonomy update (or any change of the scoring rules) is rolled out by restarting matching: each
 * instance re-matches every profile it owns as it takes its partitions, and publishes only the
 * matches that changed materially. Here the rules change twice: by a little (no event), then by
 * enough to move the score by more than {@code material-change} points (one MatchUpdated).
 */
class RescoreIT {
  private static final Duration WAIT = Duration.ofSeconds(60);
  private static final String GROUP = "rescore-" + UUID.randomUUID();
  private static final String DATABASE =
      "rescore-it-" + UUID.randomUUID().toString().substring(0, 8);
  private static KafkaProducer<String, byte[]> producer;
  private static TopicReader matches;

  @BeforeAll
  static void connect() {
    producer = TestInfrastructure.shared().rawProducer();
    matches =
        new TopicReader(
            TestInfrastructure.shared().kafkaBootstrapServers(), Topic.MATCHES.topicName());
  }

  @AfterAll
  static void disconnect() {
    producer.close();
    matches.close();
  }

  /** An instance of this test's group and database, with the skills' share of the score. */
  private static ConfigurableApplicationContext start(int skillsShare) {
    List<String> args =
        TestInfrastructure.shared().springProperties(DATABASE).entrySet().stream()
            .map(e -> "--" + e.getKey() + "=" + e.getValue())
            .collect(Collectors.toList());
    args.add("--server.port=0");
    args.add("--skillway.matching.instance-id=rescore-" + UUID.randomUUID());
    args.add("--skillway.matching.group-id=" + GROUP);
    args.add("--skillway.matching.weights.student.required-skills=" + skillsShare);
    ConfigurableApplicationContext context =
        MatchingApplication.builder().run(args.toArray(String[]::new));
    await()
        .atMost(WAIT)
        .until(
            () -> {
              var assigned =
                  context
                      .getBean(KafkaListenerEndpointRegistry.class)
                      .getListenerContainer("matching-profiles")
                      .getAssignedPartitions();
              return assigned != null && !assigned.isEmpty();
            });
    return context;
  }

  /** Waits until the instance has re-matched every profile its database holds. */
  private static void awaitRematched(ConfigurableApplicationContext context) {
    long profiles =
        context.getBean(ReactiveMongoTemplate.class).count(new Query(), "profiles").block();
    MeterRegistry meters = context.getBean(MeterRegistry.class);
    await()
        .atMost(WAIT)
        .until(
            () -> {
              Timer queries =
                  meters.find("skillway.matching.query").tag("query", "profile").timer();
              return queries != null && queries.count() >= profiles;
            });
  }

  private static void send(SkillwayEvent event) throws Exception {
    producer
        .send(
            new ProducerRecord<>(
                event.type().topic().topicName(), event.key(), TestEvents.CODEC.encode(event)))
        .get();
  }

  @Test
  void aRestartWithNewRulesPublishesOnlyTheMatchesThatChangedMaterially() throws Exception {
    String profileId = TestEvents.id("p");
    String vacancyId = TestEvents.id("v");
    String matchId = profileId + ":" + vacancyId;
    List<MatchEvent> events = new ArrayList<>();

    // Given a match scored with the shipped rules: skills 4/5, so 80 x (60% + 40% x 5/7) = 71
    ConfigurableApplicationContext first = start(60);
    send(TestEvents.vacancy(vacancyId, TestEvents.id("e")));
    send(TestEvents.profile(profileId));
    await()
        .atMost(WAIT)
        .until(() -> collect(events, matchId).stream().anyMatch(e -> e instanceof MatchFound));
    first.close();
    assertThat(((MatchFound) events.get(0)).match().score()).isEqualTo(71);

    // When matching restarts with the skills' share moved a little (the score moves 1 point)
    ConfigurableApplicationContext second = start(58);
    awaitRematched(second);
    second.close();
    // and then with it moved a lot (the score moves 9 points)
    ConfigurableApplicationContext third = start(20);
    await()
        .atMost(WAIT)
        .until(() -> collect(events, matchId).stream().anyMatch(e -> e instanceof MatchUpdated));
    third.close();

    // Then the first restart published nothing, and the second one update with the new score
    collect(events, matchId);
    assertThat(events)
        .extracting(e -> e.getClass().getSimpleName())
        .containsExactly("MatchFound", "MatchUpdated");
    assertThat(((MatchUpdated) events.get(1)).match().score()).isEqualTo(62);
  }

  /** Adds the events of this match that have arrived since the last look. */
  private static List<MatchEvent> collect(List<MatchEvent> events, String matchId) {
    for (ConsumerRecord<String, byte[]> r : matches.poll(Duration.ofMillis(300))) {
      SkillwayEvent event = TestEvents.CODEC.decode(r.value());
      if (event instanceof MatchEvent match && event.metadata().aggregateId().equals(matchId)) {
        if (events.stream()
            .noneMatch(e -> e.metadata().eventId().equals(event.metadata().eventId()))) {
          events.add(match);
        }
      }
    }
    return events;
  }
}
