package org.skillway.ingest;

import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.skillway.events.EventCodec;
import org.skillway.events.Topic;
import org.skillway.infra.TestInfrastructure;
import org.skillway.infra.TopicReader;
import org.skillway.ingest.apikey.ApiKeyStore;
import org.skillway.support.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * One running ingest-service, against the real Kafka broker and MongoDB wire server, shared by the
 * integration tests that extend this (Spring caches the context), with readers of the topics it
 * writes.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=" + IngestApplication.CONFIG_NAME,
      // Every test here comes from one address; the per-account limit is what AccountsIT checks.
      "skillway.ingest.rate-limit.registrations-per-hour-per-address=1000",
      "skillway.ingest.rate-limit.sign-ins-per-quarter-hour-per-address=1000",
      // Small enough for WebPagesIT to reach the skills look-up's limit quickly.
      "skillway.ingest.rate-limit.skill-lookups-per-minute-per-address=40",
      // Small enough for CohortUploadIT to pass it cheaply.
      "skillway.ingest.cohort.max-size=3MB"
    })
abstract class IngestItSupport {
  static final String EMPLOYER_KEY = "it-employer-" + UUID.randomUUID();
  static final String OTHER_EMPLOYER_KEY = "it-other-employer-" + UUID.randomUUID();
  static final String UNIVERSITY_KEY = "it-university-" + UUID.randomUUID();
  static final String OPERATOR_KEY = "it-operator-" + UUID.randomUUID();
  static final EventCodec CODEC = new EventCodec();
  static final String JAVA = "skill/19a8293b-8e95-4de3-983f-77484079c389";
  static final String SQL = "skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742";
  static final String PYTHON = "skill/ccd0a1d9-afda-43d9-b901-96344886e14d";
  static final String NURSING = "isced-f/0913";
  static TopicReader vacancies;
  static TopicReader profiles;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.shared()
        .springProperties("ingest-it")
        .forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;
  @Autowired ApiKeyStore apiKeys;
  WebTestClient http;

  @BeforeAll
  static void openReaders() {
    String kafka = TestInfrastructure.shared().kafkaBootstrapServers();
    vacancies = new TopicReader(kafka, Topic.VACANCIES.topicName());
    profiles = new TopicReader(kafka, Topic.PROFILES.topicName());
  }

  @AfterAll
  static void closeReaders() {
    vacancies.close();
    profiles.close();
  }

  @BeforeEach
  void connect() {
    http =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            // A cold JVM on two shared cores can take longer than the default 5 s to answer.
            .responseTimeout(java.time.Duration.ofSeconds(20))
            .build();
    apiKeys.register(EMPLOYER_KEY, "acme-digital", Role.EMPLOYER).block();
    apiKeys.register(OTHER_EMPLOYER_KEY, "bolton-bytes", Role.EMPLOYER).block();
    apiKeys.register(UNIVERSITY_KEY, "uclan", Role.UNIVERSITY).block();
    apiKeys.register(OPERATOR_KEY, "ops", Role.OPERATOR).block();
  }

  /** Posts a vacancy (a JSON string or a map) that must be refused with this first field error. */
  /** Uploads a CSV cohort as the university and returns its report (201 expected). */
  Map<?, ?> uploadCsv(String cohortId, String csv) {
    return http.post()
        .uri("/api/v1/cohorts/{cohort}/students", cohortId)
        .header("X-API-Key", UNIVERSITY_KEY)
        .contentType(org.springframework.http.MediaType.parseMediaType("text/csv"))
        .bodyValue(csv.getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  void expectVacancyProblem(Object vacancy, String field, String reason) {
    http.post()
        .uri("/api/v1/vacancies")
        .header("X-API-Key", EMPLOYER_KEY)
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .bodyValue(vacancy)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(org.springframework.http.MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo(field)
        .jsonPath("$.errors[0].reason")
        .isEqualTo(reason);
  }
}
