package org.skillway.matching;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.skillway.matching.TestEvents.CODEC;
import static org.skillway.matching.TestEvents.example;
import static org.skillway.matching.TestEvents.id;
import static org.skillway.matching.TestEvents.next;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillway.events.MatchFound;
import org.skillway.events.MatchWithdrawn;
import org.skillway.events.ProfileErased;
import org.skillway.events.ProfileErasure;
import org.skillway.events.ProfileSubmitted;
import org.skillway.events.SkillwayEvent;
import org.skillway.events.Topic;
import org.skillway.infra.TestInfrastructure;
import org.skillway.infra.TopicReader;
import org.skillway.support.IdentityTokens;
import org.skillway.support.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;
import reactor.core.publisher.Flux;

/**
 * What matching keeps about a person or an employer: an erased person leaves nothing behind but a
 * tombstone, and everyone can export what is held about them with their own token. Real broker,
 * real MongoDB wire server; the test plays ingest-service.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=" + MatchingApplication.CONFIG_NAME)
@DirtiesContext
class PersonalDataIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static KafkaProducer<String, byte[]> producer;
  private static TopicReader matches;
  private static TopicReader profileDeadLetters;
  private static TopicReader vacancyDeadLetters;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.shared()
        .springProperties("personal-data-it")
        .forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;
  @Autowired IdentityTokens tokens;
  @Autowired ReactiveMongoTemplate mongo;
  WebTestClient http;

  @BeforeAll
  static void connect() {
    String kafka = TestInfrastructure.shared().kafkaBootstrapServers();
    producer = TestInfrastructure.shared().rawProducer();
    matches = new TopicReader(kafka, Topic.MATCHES.topicName());
    profileDeadLetters = new TopicReader(kafka, Topic.PROFILES_DEAD_LETTERS.topicName());
    vacancyDeadLetters = new TopicReader(kafka, Topic.VACANCIES_DEAD_LETTERS.topicName());
  }

  @AfterAll
  static void disconnect() {
    producer.close();
    matches.close();
    profileDeadLetters.close();
    vacancyDeadLetters.close();
  }

  @BeforeEach
  void client() {
    http =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(20))
            .build();
  }

  private static void send(Topic topic, String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(topic.topicName(), key, value)).get();
  }

  private static void send(SkillwayEvent event) throws Exception {
    send(event.type().topic(), event.key(), CODEC.encode(event));
  }

  private static void sendVacancy(String vacancyId, String employerId) throws Exception {
    send(
        Topic.VACANCIES,
        vacancyId,
        example("VacancyPublished.json", "unused", vacancyId, employerId));
  }

  /** The same vacancy at version 2, closed. */
  private static void closeVacancy(String vacancyId, String employerId) throws Exception {
    String closed =
        new String(
                example("VacancyPublished.json", "unused", vacancyId, employerId),
                StandardCharsets.UTF_8)
            .replace("\"aggregateVersion\": 1", "\"aggregateVersion\": 2")
            .replace("\"status\": \"OPEN\"", "\"status\": \"CLOSED\"");
    send(Topic.VACANCIES, vacancyId, closed.getBytes(StandardCharsets.UTF_8));
  }

  private static <T> T awaitEvent(String profileId, String vacancyId, Class<T> type) {
    String matchId = profileId + ":" + vacancyId;
    ConsumerRecord<String, byte[]> record =
        matches.await(
            r -> {
              if (!profileId.equals(r.key())) {
                return false;
              }
              SkillwayEvent event = CODEC.decode(r.value());
              return event.metadata().aggregateId().equals(matchId) && type.isInstance(event);
            },
            WAIT);
    return type.cast(CODEC.decode(record.value()));
  }

  /** Every document of every collection in matching's database, as "collection: JSON text". */
  private List<String> everyDocument() {
    return mongo
        .getCollectionNames()
        .flatMap(
            name ->
                mongo
                    .getCollection(name)
                    .flatMapMany(c -> Flux.from(c.find()))
                    .map(doc -> name + ": " + doc.toJson()))
        .collectList()
        .block(WAIT);
  }

  @Test
  void anErasedPersonLeavesOnlyATombstoneInEveryCollectionWhileOthersKeepTheirMatches()
      throws Exception {
    // Given a person matched with three vacancies, and someone else matched with one of them
    String erasedId = id("p");
    String otherId = id("p");
    String employerId = id("e");
    List<String> vacancyIds = List.of(id("v"), id("v"), id("v"));
    for (String vacancyId : vacancyIds) {
      sendVacancy(vacancyId, employerId);
    }
    ProfileSubmitted erased = TestEvents.profile(erasedId);
    send(erased);
    send(TestEvents.profile(otherId));
    for (String vacancyId : vacancyIds) {
      awaitEvent(erasedId, vacancyId, MatchFound.class);
    }
    awaitEvent(otherId, vacancyIds.get(0), MatchFound.class);

    // When ingest says the person deleted their account
    send(new ProfileErased(next(erased), new ProfileErasure("ACCOUNT_DELETED")));

    // Then each employer who heard of the match hears it is gone, acknowledged before forgetting
    for (String vacancyId : vacancyIds) {
      assertThat(awaitEvent(erasedId, vacancyId, MatchWithdrawn.class).closure().personErased())
          .isTrue();
    }
    // and no collection holds anything with their id but the tombstone: id and version
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(everyDocument().stream().filter(json -> json.contains(erasedId)))
                    .singleElement()
                    .satisfies(
                        tombstone -> {
                          assertThat(tombstone).startsWith("profile_tombstones: ");
                          Document doc =
                              Document.parse(tombstone.substring(tombstone.indexOf('{')));
                          assertThat(doc.keySet()).containsExactlyInAnyOrder("_id", "version");
                          assertThat(doc.get("_id")).isEqualTo(erasedId);
                          assertThat(((Number) doc.get("version")).longValue()).isEqualTo(2);
                        }));
    assertThat(mongo.count(queryOnProfile(erasedId), "matches").block(WAIT)).isZero();
    // and the other person's match with the same vacancy stands
    http.get()
        .uri("/api/v1/vacancies/{id}/matches", vacancyIds.get(0))
        .headers(h -> h.setBearerAuth(tokens.issue(employerId, Role.EMPLOYER)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.matches[*].profileId")
        .value(ids -> assertThat((List<Object>) ids).contains(otherId).doesNotContain(erasedId));

    // When the older profile is replayed, it does not come back
    send(erased);
    await()
        .during(Duration.ofSeconds(3))
        .atMost(Duration.ofSeconds(10))
        .untilAsserted(
            () ->
                assertThat(everyDocument().stream().filter(json -> json.contains(erasedId)))
                    .hasSize(1));
    http.get()
        .uri("/api/v1/me/export")
        .headers(h -> h.setBearerAuth(tokens.issue(erasedId, Role.STUDENT)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.profile")
        .doesNotExist()
        .jsonPath("$.matches")
        .isEmpty();
  }

  private static org.springframework.data.mongodb.core.query.Query queryOnProfile(String id) {
    return org.springframework.data.mongodb.core.query.Query.query(
        org.springframework.data.mongodb.core.query.Criteria.where("profileId").is(id));
  }

  @Test
  void aNullTombstoneOnEitherTopicIsSkippedNotDeadLetteredAndThePartitionMovesOn()
      throws Exception {
    // Given compaction markers (null values) for a profile and a vacancy
    String profileId = id("p");
    String vacancyId = id("v");
    send(Topic.PROFILES, profileId, null);
    send(Topic.VACANCIES, vacancyId, null);

    // When real events follow on the same keys, so on the same partitions
    sendVacancy(vacancyId, id("e"));
    send(TestEvents.profile(profileId));

    // Then they are matched, and nothing went to a dead-letter topic
    awaitEvent(profileId, vacancyId, MatchFound.class);
    assertThat(profileDeadLetters.withKey(profileId, Duration.ofSeconds(2))).isEmpty();
    assertThat(vacancyDeadLetters.withKey(vacancyId, Duration.ofSeconds(2))).isEmpty();
  }

  @Test
  void aPersonExportsTheirProfileAsStoredAndEveryMatchCurrentOrWithdrawnWithItsScoreParts()
      throws Exception {
    // Given a person matched with an open vacancy and with one that has closed
    String profileId = id("p");
    String employerId = id("e");
    String open = id("v");
    String closing = id("v");
    sendVacancy(open, employerId);
    sendVacancy(closing, employerId);
    send(TestEvents.profile(profileId));
    awaitEvent(profileId, open, MatchFound.class);
    awaitEvent(profileId, closing, MatchFound.class);
    closeVacancy(closing, employerId);
    awaitEvent(profileId, closing, MatchWithdrawn.class);

    // When they export with their own token
    WebTestClient.BodyContentSpec export =
        http.get()
            .uri("/api/v1/me/export")
            .headers(h -> h.setBearerAuth(tokens.issue(profileId, Role.STUDENT)))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody();

    // Then they get the profile as matching holds it and both matches, each with its parts
    export
        .jsonPath("$.service")
        .isEqualTo("matching-service")
        .jsonPath("$.subject")
        .isEqualTo(profileId)
        .jsonPath("$.role")
        .isEqualTo("STUDENT")
        .jsonPath("$.exportedAt")
        .isNotEmpty()
        .jsonPath("$.profile.id")
        .isEqualTo(profileId)
        .jsonPath("$.profile.version")
        .isEqualTo(1)
        .jsonPath("$.profile.profile.outcode")
        .isEqualTo("M1")
        // with when they registered and when their first match came, which matching keeps too
        .jsonPath("$.profile.registeredAt")
        .isNotEmpty()
        .jsonPath("$.profile.firstMatchAt")
        .isNotEmpty()
        .jsonPath("$.profile.profile.skills[*].skillId")
        .isEqualTo(List.of("java", "sql"))
        .jsonPath("$.vacancies")
        .isEmpty()
        // (the example profile also matches the other tests' vacancies)
        .jsonPath("$.matches[*].profileId")
        .value(ids -> assertThat((List<Object>) ids).isNotEmpty().containsOnly(profileId))
        .jsonPath("$.matches[?(@.vacancyId == '" + open + "')].status")
        .isEqualTo(List.of("ACTIVE"))
        .jsonPath("$.matches[?(@.vacancyId == '" + closing + "')].status")
        .isEqualTo(List.of("WITHDRAWN"))
        .jsonPath("$.matches[?(@.vacancyId == '" + closing + "')].withdrawalReason")
        .isEqualTo(List.of("VACANCY_CLOSED"))
        .jsonPath("$.matches[?(@.vacancyId == '" + open + "')].parts[*].name")
        .value(names -> assertThat((List<Object>) names).contains("requiredSkills", "location"))
        .jsonPath("$.matches[?(@.vacancyId == '" + closing + "')].parts[*].name")
        .value(names -> assertThat((List<Object>) names).contains("requiredSkills", "location"));
  }

  @Test
  void anEmployerExportsTheirVacanciesAndTheNameBlindMatchesOfThemOnly() throws Exception {
    // Given two of an employer's vacancies, one of a rival's, and a person matched with all three
    String employerId = id("e");
    String rivalId = id("e");
    String profileId = id("p");
    String first = id("v");
    String second = id("v");
    String rivals = id("v");
    sendVacancy(first, employerId);
    sendVacancy(second, employerId);
    sendVacancy(rivals, rivalId);
    send(TestEvents.profile(profileId));
    awaitEvent(profileId, first, MatchFound.class);
    awaitEvent(profileId, second, MatchFound.class);
    awaitEvent(profileId, rivals, MatchFound.class);

    // When the employer exports with their own token
    WebTestClient.BodyContentSpec export =
        http.get()
            .uri("/api/v1/me/export")
            .headers(h -> h.setBearerAuth(tokens.issue(employerId, Role.EMPLOYER)))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody();

    // Then they get their two vacancies as matching holds them and the matches of those only
    export
        .jsonPath("$.service")
        .isEqualTo("matching-service")
        .jsonPath("$.subject")
        .isEqualTo(employerId)
        .jsonPath("$.role")
        .isEqualTo("EMPLOYER")
        .jsonPath("$.profile")
        .doesNotExist()
        .jsonPath("$.vacancies[*].id")
        .value(ids -> assertThat((List<Object>) ids).containsExactlyInAnyOrder(first, second))
        .jsonPath("$.vacancies[*].vacancy.title")
        .isEqualTo(List.of("Junior Java developer", "Junior Java developer"))
        .jsonPath("$.matches[*].vacancyId")
        .value(ids -> assertThat((List<Object>) ids).containsExactlyInAnyOrder(first, second))
        .jsonPath("$.matches[*].profileId")
        .isEqualTo(List.of(profileId, profileId))
        .jsonPath("$.matches[0].parts")
        .isNotEmpty();
  }

  @Test
  void someoneMatchingHoldsNothingAboutGetsTheEnvelopeWithEmptyDataAndNobodyGetsItWithoutAToken() {
    for (Map.Entry<String, Role> caller :
        Map.of(id("u"), Role.UNIVERSITY, id("o"), Role.OPERATOR, id("p"), Role.STUDENT)
            .entrySet()) {
      http.get()
          .uri("/api/v1/me/export")
          .headers(h -> h.setBearerAuth(tokens.issue(caller.getKey(), caller.getValue())))
          .exchange()
          .expectStatus()
          .isOk()
          .expectBody()
          .jsonPath("$.service")
          .isEqualTo("matching-service")
          .jsonPath("$.subject")
          .isEqualTo(caller.getKey())
          .jsonPath("$.role")
          .isEqualTo(caller.getValue().name())
          .jsonPath("$.exportedAt")
          .isNotEmpty()
          .jsonPath("$.profile")
          .doesNotExist()
          .jsonPath("$.vacancies")
          .isEmpty()
          .jsonPath("$.matches")
          .isEmpty();
    }
    http.get().uri("/api/v1/me/export").exchange().expectStatus().isUnauthorized();
  }
}
