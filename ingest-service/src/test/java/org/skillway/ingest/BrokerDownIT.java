package org.skillway.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillway.infra.FreePorts;
import org.skillway.infra.TestInfrastructure;
import org.skillway.ingest.apikey.ApiKeyStore;
import org.skillway.support.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * With no Kafka broker to acknowledge it, a write is refused with 503 and {@code Retry-After}, and
 * nothing of it is left stored. MongoDB is the real wire server; Kafka's address leads nowhere.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=" + IngestApplication.CONFIG_NAME,
    })
class BrokerDownIT {
  private static final String EMPLOYER_KEY = "it-down-employer-" + UUID.randomUUID();
  private static final String UNIVERSITY_KEY = "it-down-university-" + UUID.randomUUID();

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.shared()
        .springProperties("ingest-broker-down-it")
        .forEach((k, v) -> registry.add(k, () -> v));
    registry.add("spring.kafka.bootstrap-servers", () -> "127.0.0.1:" + FreePorts.find());
  }

  @LocalServerPort int port;
  @Autowired ApiKeyStore apiKeys;
  @Autowired ReactiveMongoTemplate mongo;
  WebTestClient http;

  @BeforeEach
  void connect() {
    http =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(java.time.Duration.ofSeconds(30))
            .build();
    apiKeys.register(EMPLOYER_KEY, "down-employer", Role.EMPLOYER).block();
    apiKeys.register(UNIVERSITY_KEY, "down-university", Role.UNIVERSITY).block();
  }

  @Test
  void aCohortUploadKafkaCannotTakeIs503AndItsReportSaysItStoppedWithNobodyStored() {
    String ref = "down-" + UUID.randomUUID();
    http.post()
        .uri("/api/v1/cohorts/{cohort}/students", "down-cohort")
        .header("X-API-Key", UNIVERSITY_KEY)
        .contentType(MediaType.parseMediaType("text/csv"))
        .bodyValue(
            ("studentRef,email,stage,outcode,skills\n"
                    + ref
                    + ","
                    + ref
                    + "@students.example.ac.uk,GRADUATE,PR1,Python:2\n")
                .getBytes(java.nio.charset.StandardCharsets.UTF_8))
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .exists("Retry-After");

    http.get()
        .uri("/api/v1/cohorts/{cohort}/uploads", "down-cohort")
        .header("X-API-Key", UNIVERSITY_KEY)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[0].state")
        .isEqualTo("FAILED")
        .jsonPath("$[0].rowsAccepted")
        .isEqualTo(0)
        .jsonPath("$[0].problem")
        .value(problem -> assertThat((String) problem).contains("Upload the file again"));
    assertThat(
            mongo
                .exists(query(where("email").is(ref + "@students.example.ac.uk")), "accounts")
                .block())
        .isFalse();
  }

  @Test
  void aRegistrationKafkaCannotTakeIs503WithRetryAfterAndLeavesNoAccountOrProfile() {
    String email = "unlucky-" + UUID.randomUUID() + "@example.org";
    http.post()
        .uri("/api/v1/accounts")
        .bodyValue(
            Map.of(
                "email",
                email,
                "password",
                "correct horse battery staple",
                "profile",
                Map.of(
                    "pathway",
                    "STUDENT",
                    "student",
                    Map.of("stage", "GRADUATE"),
                    "skills",
                    List.of(Map.of("skillId", "Python", "level", 2)),
                    "outcode",
                    "M1",
                    "consentToMatch",
                    true)))
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .valueEquals("Retry-After", "5")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo(
            "The service cannot store your request right now; nothing was saved. Try again"
                + " shortly.");

    assertThat(mongo.exists(query(where("email").is(email)), "accounts").block()).isFalse();
    assertThat(
            mongo
                .count(new org.springframework.data.mongodb.core.query.Query(), "profiles")
                .block())
        .isZero();
  }

  @Test
  void aVacancyKafkaCannotTakeIs503AndIsNotStored() {
    http.post()
        .uri("/api/v1/vacancies")
        .header("X-API-Key", EMPLOYER_KEY)
        .bodyValue(IngestApiIT.validVacancy())
        .exchange()
        .expectStatus()
        .isEqualTo(503)
        .expectHeader()
        .exists("Retry-After");

    assertThat(mongo.exists(query(where("employerId").is("down-employer")), "vacancies").block())
        .isFalse();
  }
}
