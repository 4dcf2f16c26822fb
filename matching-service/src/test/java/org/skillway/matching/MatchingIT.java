package org.skillway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.serialization.ByteArraySerializer;
import org.apache.kafka.common.serialization.StringSerializer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skillway.events.EventCodec;
import org.skillway.events.EventSchemas;
import org.skillway.events.MatchFound;
import org.skillway.events.Topic;
import org.skillway.infra.TestInfrastructure;
import org.skillway.infra.TopicReader;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;

/**
 * matching-service fed with the published contract examples through a real broker, storing in a
 * real MongoDB wire server. The test plays ingest-service: it writes raw events to the profiles and
 * vacancies topics.
 */
@SpringBootTest(properties = "spring.config.name=" + MatchingApplication.CONFIG_NAME)
class MatchingIT {
  private static final EventCodec CODEC = new EventCodec();
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static KafkaProducer<String, byte[]> producer;
  private static TopicReader matches;
  private static TopicReader profileDeadLetters;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.shared()
        .springProperties("matching-it")
        .forEach((k, v) -> registry.add(k, () -> v));
  }

  @BeforeAll
  static void connect() {
    String kafka = TestInfrastructure.shared().kafkaBootstrapServers();
    producer =
        new KafkaProducer<>(
            Map.of("bootstrap.servers", kafka, "acks", "all"),
            new StringSerializer(),
            new ByteArraySerializer());
    matches = new TopicReader(kafka, Topic.MATCHES.topicName());
    profileDeadLetters = new TopicReader(kafka, Topic.PROFILES_DEAD_LETTERS.topicName());
  }

  @AfterAll
  static void disconnect() {
    producer.close();
    matches.close();
    profileDeadLetters.close();
  }

  /** The contract example with fresh ids, so each test works on its own profile and vacancy. */
  private static byte[] example(String name, String profileId, String vacancyId) {
    String json =
        new String(EventSchemas.example(name), StandardCharsets.UTF_8)
            .replace("example-profile-1", profileId)
            .replace("example-vacancy-1", vacancyId)
            .replace("2027-01-31", "2099-01-31")
            .replaceAll("\"eventId\": \"[^\"]+\"", "\"eventId\": \"" + UUID.randomUUID() + "\"");
    return json.getBytes(StandardCharsets.UTF_8);
  }

  private static void send(Topic topic, String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(topic.topicName(), key, value)).get();
  }

  /**
   * Each profile here matches every open vacancy of the other tests too, so look for this pair's
   * match.
   */
  private static boolean isMatchOf(
      ConsumerRecord<String, byte[]> record, String profileId, String vacancyId) {
    return profileId.equals(record.key())
        && CODEC
            .decode(record.value())
            .metadata()
            .aggregateId()
            .equals(profileId + ":" + vacancyId);
  }

  private static ConsumerRecord<String, byte[]> awaitMatch(String profileId, String vacancyId) {
    return matches.await(r -> isMatchOf(r, profileId, vacancyId), WAIT);
  }

  private static List<ConsumerRecord<String, byte[]>> matchesOf(
      String profileId, String vacancyId) {
    return matches.withKey(profileId, Duration.ofSeconds(3)).stream()
        .filter(r -> isMatchOf(r, profileId, vacancyId))
        .toList();
  }

  @Test
  void aProfileAndAVacancyThatShareSkillsProduceOneExplainedMatch() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String vacancyId = "v-" + UUID.randomUUID();

    send(Topic.VACANCIES, vacancyId, example("VacancyPublished.json", profileId, vacancyId));
    send(Topic.PROFILES, profileId, example("ProfileSubmitted.json", profileId, vacancyId));

    ConsumerRecord<String, byte[]> record = awaitMatch(profileId, vacancyId);
    EventSchemas.assertConforms(record.value());
    MatchFound found = (MatchFound) CODEC.decode(record.value());
    assertThat(found.metadata().aggregateId()).isEqualTo(profileId + ":" + vacancyId);
    assertThat(found.match().score()).isEqualTo(67);
    assertThat(found.match().matchedSkills()).containsExactly("java", "sql");
    assertThat(found.match().missingSkills()).containsExactly("git");
    assertThat(found.match().vacancyTitle()).isEqualTo("Junior Java developer");
  }

  @Test
  void replayingTheSameEventsPublishesNoSecondMatch() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String vacancyId = "v-" + UUID.randomUUID();
    byte[] vacancy = example("VacancyPublished.json", profileId, vacancyId);
    byte[] profile = example("ProfileSubmitted.json", profileId, vacancyId);
    send(Topic.PROFILES, profileId, profile);
    send(Topic.VACANCIES, vacancyId, vacancy);
    awaitMatch(profileId, vacancyId);

    send(Topic.PROFILES, profileId, profile);
    send(Topic.VACANCIES, vacancyId, vacancy);

    assertThat(matchesOf(profileId, vacancyId)).hasSize(1);
  }

  @Test
  void aPoisonEventGoesToTheDeadLetterTopicWithItsReasonAndThePartitionMovesOn() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String vacancyId = "v-" + UUID.randomUUID();
    send(Topic.VACANCIES, vacancyId, example("VacancyPublished.json", profileId, vacancyId));

    send(
        Topic.PROFILES,
        profileId,
        "{\"type\": \"ProfileSubmitted\", ".getBytes(StandardCharsets.UTF_8));
    send(Topic.PROFILES, profileId, example("ProfileSubmitted.json", profileId, vacancyId));

    ConsumerRecord<String, byte[]> dead =
        profileDeadLetters.await(r -> profileId.equals(r.key()), WAIT);
    String reason =
        new String(
            dead.headers().lastHeader("kafka_dlt-exception-message").value(),
            StandardCharsets.UTF_8);
    assertThat(reason).contains("not valid JSON");
    assertThat(new String(dead.value(), StandardCharsets.UTF_8))
        .isEqualTo("{\"type\": \"ProfileSubmitted\", ");
    awaitMatch(profileId, vacancyId);
  }

  @Test
  void anEventOfTheWrongTypeForTheTopicIsDeadLetteredNotDropped() throws Exception {
    String profileId = "p-" + UUID.randomUUID();

    send(Topic.PROFILES, profileId, example("VacancyPublished.json", profileId, "v-x"));

    ConsumerRecord<String, byte[]> dead =
        profileDeadLetters.await(r -> profileId.equals(r.key()), WAIT);
    assertThat(
            new String(
                dead.headers().lastHeader("kafka_dlt-exception-message").value(),
                StandardCharsets.UTF_8))
        .contains("VacancyPublished does not belong on skillway.profiles.v1");
  }

  @Test
  void aProfileWithoutConsentIsNeverMatched() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String vacancyId = "v-" + UUID.randomUUID();
    byte[] noConsent =
        new String(example("ProfileSubmitted.json", profileId, vacancyId), StandardCharsets.UTF_8)
            .replace("\"consentToMatch\": true", "\"consentToMatch\": false")
            .getBytes(StandardCharsets.UTF_8);

    send(Topic.VACANCIES, vacancyId, example("VacancyPublished.json", profileId, vacancyId));
    send(Topic.PROFILES, profileId, noConsent);

    assertThat(matches.withKey(profileId, Duration.ofSeconds(3))).isEmpty();
  }
}
