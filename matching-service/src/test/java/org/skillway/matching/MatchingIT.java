package org.skillway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillway.events.EventCodec;
import org.skillway.events.EventMetadata;
import org.skillway.events.EventSchemas;
import org.skillway.events.MatchFound;
import org.skillway.events.MatchUpdated;
import org.skillway.events.MatchWithdrawn;
import org.skillway.events.ProfileData;
import org.skillway.events.ProfileErased;
import org.skillway.events.ProfileErasure;
import org.skillway.events.ProfileSubmitted;
import org.skillway.events.ScorePart;
import org.skillway.events.SkillLevel;
import org.skillway.events.SkillwayEvent;
import org.skillway.events.Topic;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyPublished;
import org.skillway.events.VacancyStatus;
import org.skillway.events.WithdrawalReason;
import org.skillway.infra.MutableClock;
import org.skillway.infra.TestInfrastructure;
import org.skillway.infra.TopicReader;
import org.skillway.support.IdentityTokens;
import org.skillway.support.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * matching-service fed through a real broker, storing in a real MongoDB wire server. The test plays
 * ingest-service: it writes the published contract examples (and variants of them) to the profiles
 * and vacancies topics, and reads what matching publishes.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=" + MatchingApplication.CONFIG_NAME)
// Closed after this class, so its consumers do not take part in the other tests on the same broker.
@DirtiesContext
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

  /** Lets a test reach tomorrow; back to the real time after each use. */
  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    MutableClock mutableClock() {
      return new MutableClock();
    }
  }

  @LocalServerPort int port;
  @Autowired MutableClock clock;
  @Autowired org.skillway.matching.match.Matcher matcher;
  @Autowired IdentityTokens tokens;
  @Autowired org.springframework.data.mongodb.core.ReactiveMongoTemplate mongo;
  WebTestClient http;

  @BeforeAll
  static void connect() {
    String kafka = TestInfrastructure.shared().kafkaBootstrapServers();
    producer = TestInfrastructure.shared().rawProducer();
    matches = new TopicReader(kafka, Topic.MATCHES.topicName());
    profileDeadLetters = new TopicReader(kafka, Topic.PROFILES_DEAD_LETTERS.topicName());
  }

  @AfterAll
  static void disconnect() {
    producer.close();
    matches.close();
    profileDeadLetters.close();
  }

  @BeforeEach
  void client() {
    http =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            // A cold JVM on two shared cores can take longer than the default 5 s to answer.
            .responseTimeout(java.time.Duration.ofSeconds(20))
            .build();
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

  private static ProfileSubmitted exampleProfile(String profileId, String vacancyId) {
    return (ProfileSubmitted) CODEC.decode(example("ProfileSubmitted.json", profileId, vacancyId));
  }

  private static VacancyPublished exampleVacancy(String profileId, String vacancyId) {
    return (VacancyPublished) CODEC.decode(example("VacancyPublished.json", profileId, vacancyId));
  }

  private static EventMetadata next(SkillwayEvent event) {
    return new EventMetadata(
        UUID.randomUUID(),
        Instant.now(),
        event.metadata().aggregateId(),
        event.metadata().aggregateVersion() + 1);
  }

  private static void send(Topic topic, String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(topic.topicName(), key, value)).get();
  }

  private static void send(SkillwayEvent event) throws Exception {
    send(event.type().topic(), event.key(), CODEC.encode(event));
  }

  /**
   * Each profile here may match the other tests' open vacancies too, so look for this pair's
   * events.
   */
  private static boolean isEventOf(
      ConsumerRecord<String, byte[]> record, String matchId, Class<?> type) {
    if (!record.key().equals(matchId.substring(0, matchId.indexOf(':')))) {
      return false;
    }
    SkillwayEvent event = CODEC.decode(record.value());
    return event.metadata().aggregateId().equals(matchId) && type.isInstance(event);
  }

  private static <T> T await(String profileId, String vacancyId, Class<T> type) {
    String matchId = profileId + ":" + vacancyId;
    return type.cast(CODEC.decode(matches.await(r -> isEventOf(r, matchId, type), WAIT).value()));
  }

  private static List<ConsumerRecord<String, byte[]>> eventsOf(String profileId, String vacancyId) {
    String matchId = profileId + ":" + vacancyId;
    return matches.withKey(profileId, Duration.ofSeconds(3)).stream()
        .filter(r -> isEventOf(r, matchId, Object.class))
        .toList();
  }

  @Test
  void aProfileAndAVacancyThatShareSkillsProduceOneExplainedMatch() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String vacancyId = "v-" + UUID.randomUUID();

    send(Topic.VACANCIES, vacancyId, example("VacancyPublished.json", profileId, vacancyId));
    send(Topic.PROFILES, profileId, example("ProfileSubmitted.json", profileId, vacancyId));

    MatchFound found = await(profileId, vacancyId, MatchFound.class);
    EventSchemas.assertConforms(CODEC.encode(found));
    // Skills 2 of 3, but Java weighs 3 of the 5: a skill fit of 4/5, which scales everything. The
    // skills earn 4/5 of their 60 (48); the other 40 go to the parts that can be judged by weight:
    // no nice-to-have (0 of 11.4), same outcode (4/5 of 17.1), and the device the student needs
    // (4/5 of 11.4); an entry job suits a student, so nothing is scaled down: 70.9 in all.
    assertThat(found.match().parts())
        .extracting(ScorePart::name, ScorePart::points, ScorePart::maxPoints)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("requiredSkills", 48, 60),
            org.assertj.core.groups.Tuple.tuple("pathwayFit", 0, 0),
            org.assertj.core.groups.Tuple.tuple("niceToHaveSkills", 0, 11),
            org.assertj.core.groups.Tuple.tuple("location", 14, 17),
            org.assertj.core.groups.Tuple.tuple("device", 9, 11));
    assertThat(found.match().score()).isEqualTo(71);
    assertThat(found.match().matchedSkills()).containsExactly("java", "sql");
    // Java came from the person's university; SQL they declared themselves.
    assertThat(found.match().evidencedSkills()).containsExactly("java");
    assertThat(found.match().missingSkills()).containsExactly("git");
    assertThat(found.match().taxonomyVersion()).startsWith("esco");
  }

  @Test
  void replayingTheSameEventsPublishesNothingNew() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String vacancyId = "v-" + UUID.randomUUID();
    byte[] vacancy = example("VacancyPublished.json", profileId, vacancyId);
    byte[] profile = example("ProfileSubmitted.json", profileId, vacancyId);
    send(Topic.PROFILES, profileId, profile);
    send(Topic.VACANCIES, vacancyId, vacancy);
    await(profileId, vacancyId, MatchFound.class);

    send(Topic.PROFILES, profileId, profile);
    send(Topic.VACANCIES, vacancyId, vacancy);

    // Publishing is at least once: a race may repeat the very same event (same id, same bytes),
    // which consumers
    // drop. What must not happen is a second, different event.
    List<ConsumerRecord<String, byte[]>> events = eventsOf(profileId, vacancyId);
    assertThat(events.stream().map(r -> new String(r.value(), StandardCharsets.UTF_8)).distinct())
        .hasSize(1);
  }

  @Test
  void aMatchChangedInTheStoreBehindThisInstancesBackIsRecordedFromTheStore() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String vacancyId = "v-" + UUID.randomUUID();
    ProfileSubmitted first = exampleProfile(profileId, vacancyId);
    send(exampleVacancy(profileId, vacancyId));
    send(first);
    await(profileId, vacancyId, MatchFound.class);
    // As if another instance (one that held the partition during a rebalance) had since written
    // versions 2 to 5: this instance's memory of the match is stale.
    mongo
        .updateFirst(
            org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id")
                    .is(profileId + ":" + vacancyId)),
            org.springframework.data.mongodb.core.query.Update.update("version", 5),
            "matches")
        .block();

    ProfileData p = first.profile();
    send(
        new ProfileSubmitted(
            next(first),
            new ProfileData(
                p.pathway(),
                List.of(
                    new SkillLevel("java", 3), new SkillLevel("sql", 2), new SkillLevel("git", 2)),
                p.outcode(),
                true)));

    MatchUpdated updated = await(profileId, vacancyId, MatchUpdated.class);
    assertThat(updated.metadata().aggregateVersion()).isEqualTo(6);
    assertThat(updated.match().missingSkills()).isEmpty();
  }

  @Test
  void severalVersionsOfAProfileArrivingTogetherEndAtTheNewest() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String vacancyId = "v-" + UUID.randomUUID();
    send(exampleVacancy(profileId, vacancyId));
    ProfileSubmitted first = exampleProfile(profileId, vacancyId);
    ProfileSubmitted welderNow =
        new ProfileSubmitted(
            next(first),
            new ProfileData(
                first.profile().pathway(),
                List.of(new SkillLevel("welding", 4)),
                first.profile().outcode(),
                true));
    // Sent without waiting, so that one poll is likely to hold both.
    producer.send(new ProducerRecord<>(Topic.PROFILES.topicName(), profileId, CODEC.encode(first)));
    send(welderNow);

    // The newest version matches nothing: once it is stored, the pair has no standing match,
    // whether the first version's match was found and then withdrawn or, both read in one poll,
    // never made at all.
    org.awaitility.Awaitility.await()
        .atMost(WAIT)
        .until(
            () ->
                stored("profiles", profileId, "version", 2)
                    && !stored("matches", profileId + ":" + vacancyId, "status", "ACTIVE"));
    List<ConsumerRecord<String, byte[]>> events = eventsOf(profileId, vacancyId);
    if (!events.isEmpty()) {
      assertThat(CODEC.decode(events.get(events.size() - 1).value()))
          .isInstanceOf(MatchWithdrawn.class);
    }
  }

  private boolean stored(String collection, String id, String field, Object value) {
    return Boolean.TRUE.equals(
        mongo
            .exists(
                org.springframework.data.mongodb.core.query.Query.query(
                    org.springframework.data.mongodb.core.query.Criteria.where("_id")
                        .is(id)
                        .and(field)
                        .is(value)),
                collection)
            .block());
  }

  @Test
  void aClosedVacancyWithdrawsItsMatches() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String vacancyId = "v-" + UUID.randomUUID();
    VacancyPublished open = exampleVacancy(profileId, vacancyId);
    send(open);
    send(exampleProfile(profileId, vacancyId));
    await(profileId, vacancyId, MatchFound.class);

    VacancyData v = open.vacancy();
    send(
        new VacancyPublished(
            next(open),
            new VacancyData(
                v.employerId(),
                v.title(),
                v.kind(),
                v.requiredSkills(),
                v.outcode(),
                v.closingDate(),
                v.niceToHaveSkills(),
                v.level(),
                v.minYears(),
                v.workMode(),
                v.salaryMin(),
                v.salaryMax(),
                v.startDate(),
                v.deviceProvided(),
                VacancyStatus.CLOSED)));

    MatchWithdrawn withdrawn = await(profileId, vacancyId, MatchWithdrawn.class);
    assertThat(withdrawn.closure().reason()).isEqualTo(WithdrawalReason.VACANCY_CLOSED);
    assertThat(withdrawn.metadata().aggregateVersion()).isEqualTo(2);
  }

  @Test
  void aVacancyPastItsClosingDayIsClosedByTheSweepAndItsMatchesWithdrawn() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String vacancyId = "v-" + UUID.randomUUID();
    VacancyPublished example = exampleVacancy(profileId, vacancyId);
    VacancyData v = example.vacancy();
    LocalDate today = LocalDate.now(java.time.ZoneId.of("Europe/London"));
    send(
        new VacancyPublished(
            example.metadata(),
            new VacancyData(
                v.employerId(),
                v.title(),
                v.kind(),
                v.requiredSkills(),
                v.outcode(),
                today,
                v.niceToHaveSkills(),
                v.level(),
                v.minYears(),
                v.workMode(),
                v.salaryMin(),
                v.salaryMax(),
                v.startDate(),
                v.deviceProvided(),
                VacancyStatus.OPEN)));
    send(exampleProfile(profileId, vacancyId));
    await(profileId, vacancyId, MatchFound.class);

    try {
      clock.advance(Duration.ofDays(2));
      matcher.closeExpiredVacancies().block(Duration.ofSeconds(30));
    } finally {
      clock.reset();
    }

    MatchWithdrawn withdrawn = await(profileId, vacancyId, MatchWithdrawn.class);
    assertThat(withdrawn.closure().reason()).isEqualTo(WithdrawalReason.VACANCY_CLOSED);
  }

  @Test
  void aProfileThatGainsASkillUpdatesItsMatchAndOneThatLosesThemWithdrawsIt() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String vacancyId = "v-" + UUID.randomUUID();
    ProfileSubmitted first = exampleProfile(profileId, vacancyId);
    send(exampleVacancy(profileId, vacancyId));
    send(first);
    await(profileId, vacancyId, MatchFound.class);

    ProfileData p = first.profile();
    ProfileSubmitted withGit =
        new ProfileSubmitted(
            next(first),
            new ProfileData(
                p.pathway(),
                List.of(
                    new SkillLevel("java", 3), new SkillLevel("sql", 2), new SkillLevel("git", 2)),
                p.outcode(),
                true,
                p.yearsExperience(),
                p.workMode(),
                p.maxCommuteKm(),
                p.salaryExpectation(),
                p.availableFrom(),
                p.needsDevice()));
    send(withGit);
    MatchUpdated updated = await(profileId, vacancyId, MatchUpdated.class);
    assertThat(updated.match().missingSkills()).isEmpty();
    assertThat(updated.match().score()).isGreaterThan(71);

    send(
        new ProfileSubmitted(
            next(withGit),
            new ProfileData(
                p.pathway(), List.of(new SkillLevel("welding", 4)), p.outcode(), true)));
    MatchWithdrawn withdrawn = await(profileId, vacancyId, MatchWithdrawn.class);
    assertThat(withdrawn.closure().reason()).isEqualTo(WithdrawalReason.NO_LONGER_MATCHES);
  }

  @Test
  void aPersonReadsTheirOwnExplainedMatchesAndAnEmployerThoseOfTheirVacancyOnly() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String vacancyId = "v-" + UUID.randomUUID();
    send(exampleVacancy(profileId, vacancyId));
    send(exampleProfile(profileId, vacancyId));
    await(profileId, vacancyId, MatchFound.class);

    http.get()
        .uri("/api/v1/profiles/{id}/matches", profileId)
        .headers(h -> h.setBearerAuth(tokens.issue(profileId, Role.STUDENT)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.matches[?(@.vacancyId == '" + vacancyId + "')].score")
        .isEqualTo(List.of(71))
        .jsonPath("$.matches[?(@.vacancyId == '" + vacancyId + "')].evidencedSkills[0]")
        .isEqualTo("java")
        .jsonPath("$.matches[?(@.vacancyId == '" + vacancyId + "')].missingSkills[0]")
        .isEqualTo("git");
    http.get()
        .uri("/api/v1/profiles/{id}/matches", profileId)
        .headers(h -> h.setBearerAuth(tokens.issue("someone-else", Role.STUDENT)))
        .exchange()
        .expectStatus()
        .isForbidden();
    http.get()
        .uri("/api/v1/vacancies/{id}/matches", vacancyId)
        .headers(h -> h.setBearerAuth(tokens.issue("example-employer", Role.EMPLOYER)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.matches[*].profileId")
        .value(ids -> assertThat((List<Object>) ids).contains(profileId));
    http.get()
        .uri("/api/v1/vacancies/{id}/matches", vacancyId)
        .headers(h -> h.setBearerAuth(tokens.issue("rival-employer", Role.EMPLOYER)))
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void aMatchNamesTheEmployerAsItsVacancyDoesAndAnUnnamedOneNotAtAll() throws Exception {
    // Given a vacancy whose employer has a display name, and one published before names existed
    String profileId = "p-" + UUID.randomUUID();
    String named = "v-" + UUID.randomUUID();
    String unnamed = "v-" + UUID.randomUUID();
    send(Topic.VACANCIES, named, example("VacancyPublished.json", profileId, named));
    send(
        Topic.VACANCIES,
        unnamed,
        new String(example("VacancyPublished.json", profileId, unnamed), StandardCharsets.UTF_8)
            .replace(",\n    \"employerName\": \"Example Digital Ltd\"", "")
            .getBytes(StandardCharsets.UTF_8));

    // When a person matches both
    send(Topic.PROFILES, profileId, example("ProfileSubmitted.json", profileId, named));

    // Then the match event and the matching API name the employer of the first, not the second
    MatchFound found = await(profileId, named, MatchFound.class);
    EventSchemas.assertConforms(CODEC.encode(found));
    assertThat(found.match().employerName()).isEqualTo("Example Digital Ltd");
    assertThat(await(profileId, unnamed, MatchFound.class).match().employerName()).isNull();
    http.get()
        .uri("/api/v1/profiles/{id}/matches", profileId)
        .headers(h -> h.setBearerAuth(tokens.issue(profileId, Role.STUDENT)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.matches[?(@.vacancyId == '" + named + "')].employerName")
        .isEqualTo(List.of("Example Digital Ltd"))
        .jsonPath("$.matches[?(@.vacancyId == '" + unnamed + "')].employerId")
        .isEqualTo(List.of("example-employer"))
        .jsonPath("$.matches[?(@.vacancyId == '" + unnamed + "')].employerName")
        .isEqualTo(List.of());
    http.get()
        .uri("/api/v1/vacancies/{id}/matches", named)
        .headers(h -> h.setBearerAuth(tokens.issue("example-employer", Role.EMPLOYER)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.matches[0].employerName")
        .isEqualTo("Example Digital Ltd");
  }

  @Test
  void skillsAreSuggestedForNearMissesAndServedWithTheirLinks() {
    String token = tokens.issue("anyone", Role.STUDENT);

    http.get()
        .uri("/api/v1/skills?q={q}", "pyhton")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.suggestions[*].label")
        .value(
            labels ->
                assertThat((List<?>) labels)
                    .anySatisfy(l -> assertThat((String) l).containsIgnoringCase("python")));
    http.get().uri("/api/v1/skills?q=java").exchange().expectStatus().isUnauthorized();
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
    await(profileId, vacancyId, MatchFound.class);
  }

  @Test
  void anEventOfTheWrongTypeForTheTopicIsDeadLetteredNotDropped() throws Exception {
    String profileId = "p-" + UUID.randomUUID();

    send(Topic.PROFILES, profileId, example("VacancyPublished.json", profileId, profileId));

    ConsumerRecord<String, byte[]> dead =
        profileDeadLetters.await(r -> profileId.equals(r.key()), WAIT);
    assertThat(
            new String(
                dead.headers().lastHeader("kafka_dlt-exception-message").value(),
                StandardCharsets.UTF_8))
        .contains("VacancyPublished does not belong on skillway.profiles.v1");
  }

  @Test
  void aPersonWhoWithdrawsConsentHasTheirMatchWithdrawnSayingSo() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String vacancyId = "v-" + UUID.randomUUID();
    ProfileSubmitted first = exampleProfile(profileId, vacancyId);
    send(exampleVacancy(profileId, vacancyId));
    send(first);
    await(profileId, vacancyId, MatchFound.class);

    ProfileData p = first.profile();
    send(
        new ProfileSubmitted(
            next(first), new ProfileData(p.pathway(), p.skills(), p.outcode(), false)));

    MatchWithdrawn withdrawn = await(profileId, vacancyId, MatchWithdrawn.class);
    assertThat(withdrawn.closure().reason()).isEqualTo(WithdrawalReason.CONSENT_WITHDRAWN);
  }

  @Test
  void anErasedProfileHasItsMatchesWithdrawnAndAReplayedOlderVersionCannotBringItBack()
      throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String vacancyId = "v-" + UUID.randomUUID();
    ProfileSubmitted first = exampleProfile(profileId, vacancyId);
    send(exampleVacancy(profileId, vacancyId));
    send(first);
    await(profileId, vacancyId, MatchFound.class);

    send(new ProfileErased(next(first), new ProfileErasure("ACCOUNT_DELETED")));
    MatchWithdrawn withdrawn = await(profileId, vacancyId, MatchWithdrawn.class);
    assertThat(withdrawn.closure().reason()).isEqualTo(WithdrawalReason.PROFILE_ERASED);
    assertThat(withdrawn.closure().personErased()).isTrue();

    send(first);
    // Delivery is at least once: a MatchFound raced by the vacancy and the profile side may be
    // published twice with one event id, which every consumer drops. Distinct events are what an
    // employer or a student could ever see.
    assertThat(eventsOf(profileId, vacancyId).stream().map(r -> CODEC.decode(r.value())).distinct())
        .extracting(e -> e.type().wireName())
        .containsExactly("MatchFound", "MatchWithdrawn");
    http.get()
        .uri("/api/v1/profiles/{id}/matches", profileId)
        .headers(h -> h.setBearerAuth(tokens.issue(profileId, Role.STUDENT)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.matches")
        .isEmpty();
  }

  @Test
  void aProfileWithoutConsentIsNeverMatched() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String vacancyId = "v-" + UUID.randomUUID();
    ProfileData p = exampleProfile(profileId, vacancyId).profile();

    send(exampleVacancy(profileId, vacancyId));
    send(
        new ProfileSubmitted(
            EventMetadata.next(profileId, 1, Instant.now()),
            new ProfileData(p.pathway(), p.skills(), p.outcode(), false)));

    assertThat(matches.withKey(profileId, Duration.ofSeconds(3))).isEmpty();
  }
}
