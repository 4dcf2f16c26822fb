package org.skillway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.skillway.events.EventHeaders;
import org.skillway.events.EventSchemas;
import org.skillway.events.SkillLevel;
import org.skillway.events.VacancyKind;
import org.skillway.events.VacancyPublished;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * The employer API and the error handling of the HTTP edge, against a real Kafka broker and a real
 * MongoDB wire server.
 */
class IngestApiIT extends IngestItSupport {
  @Autowired ReactiveJwtDecoder jwtDecoder;

  static Map<String, Object> validVacancy() {
    return Map.of(
        "title",
        "Junior Java developer",
        "kind",
        "APPRENTICESHIP",
        "requiredSkills",
        List.of(Map.of("skillId", " Java ", "level", 2), Map.of("skillId", "SQL", "level", 1)),
        "outcode",
        "pr1",
        "closingDate",
        LocalDate.now().plusDays(30).toString(),
        "apprenticeship",
        Map.of(
            "standard",
            "Software developer (ST0116)",
            "level",
            4,
            "weeklyHours",
            37,
            "hourlyWage",
            9.5));
  }

  @Test
  void employerPostsAVacancyAndItsEventIsOnKafkaWhenTheAnswerArrives() {
    Map<?, ?> body =
        http.post()
            .uri("/api/v1/vacancies")
            .header("X-API-Key", EMPLOYER_KEY)
            .bodyValue(validVacancy())
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    String vacancyId = (String) body.get("vacancyId");

    ConsumerRecord<String, byte[]> record =
        vacancies.await(r -> vacancyId.equals(r.key()), Duration.ofSeconds(10));

    EventSchemas.assertConforms(record.value());
    assertThat(
            new String(
                record.headers().lastHeader(EventHeaders.EVENT_TYPE).value(),
                StandardCharsets.UTF_8))
        .isEqualTo("VacancyPublished");
    VacancyPublished event = (VacancyPublished) CODEC.decode(record.value());
    assertThat(event.metadata().aggregateVersion()).isEqualTo(1);
    assertThat(event.vacancy().employerId()).isEqualTo("acme-digital");
    assertThat(event.vacancy().kind()).isEqualTo(VacancyKind.APPRENTICESHIP);
    assertThat(event.vacancy().outcode()).isEqualTo("PR1");
    assertThat(event.vacancy().requiredSkills())
        .containsExactly(new SkillLevel(JAVA, 2), new SkillLevel(SQL, 1));
  }

  @Test
  @SuppressWarnings("unchecked")
  void anApiKeyIsExchangedForABearerTokenOfTheSameIdentity() {
    Map<String, Object> answer =
        http.post()
            .uri("/api/v1/tokens")
            .header("X-API-Key", EMPLOYER_KEY)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

    assertThat(answer)
        .containsEntry("subject", "acme-digital")
        .containsEntry("role", "EMPLOYER")
        .containsEntry("tokenType", "Bearer");
    Jwt jwt = jwtDecoder.decode((String) answer.get("accessToken")).block();
    assertThat(jwt.getSubject()).isEqualTo("acme-digital");
    assertThat(jwt.getClaimAsString("role")).isEqualTo("EMPLOYER");
    http.post().uri("/api/v1/tokens").exchange().expectStatus().isUnauthorized();
  }

  @Test
  void aVacancyWithoutAnApiKeyIsRefusedWithAProblem() {
    http.post()
        .uri("/api/v1/vacancies")
        .bodyValue(validVacancy())
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo(401)
        .jsonPath("$.detail")
        .value(d -> assertThat((String) d).contains("X-API-Key"));
  }

  @Test
  void anUnknownApiKeyIsRefused() {
    http.post()
        .uri("/api/v1/vacancies")
        .header("X-API-Key", "not-a-real-key")
        .bodyValue(validVacancy())
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.title")
        .isEqualTo("Invalid API key");
  }

  @Test
  void aUniversityKeyCannotPostVacancies() {
    http.post()
        .uri("/api/v1/vacancies")
        .header("X-API-Key", UNIVERSITY_KEY)
        .bodyValue(validVacancy())
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void anInvalidVacancyGetsOneProblemNamingEveryBadField() {
    Map<String, Object> bad =
        Map.of(
            "title", " ",
            "kind", "JOB",
            "requiredSkills", List.of(Map.of("skillId", "java", "level", 9)),
            "outcode", "Manchester",
            "closingDate", "2001-01-01");

    http.post()
        .uri("/api/v1/vacancies")
        .header("X-API-Key", EMPLOYER_KEY)
        .bodyValue(bad)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("closingDate", "outcode", "requiredSkills[0].level", "title"))
        .jsonPath("$.errors[?(@.field == 'outcode')].reason")
        .isEqualTo(List.of("must be a UK postcode outcode such as M1 or PR1"));
  }

  @Test
  void malformedJsonWrongTypesAndUnknownKindsAreNamedNot500() {
    expectVacancyProblem("{\"title\": \"x\", ", "body", "is not well-formed JSON");
    expectVacancyProblem(
        "{\"kind\": \"INTERNSHIP\"}", "kind", "must be one of [JOB, APPRENTICESHIP, PLACEMENT]");
    expectVacancyProblem(
        "{\"requiredSkills\": [{\"skillId\": \"java\", \"level\": \"high\"}]}",
        "requiredSkills[0].level",
        "has the wrong type (expected a number)");
  }

  @Test
  void aWrongContentTypeGets415AsAProblem() {
    http.post()
        .uri("/api/v1/vacancies")
        .header("X-API-Key", EMPLOYER_KEY)
        .contentType(MediaType.TEXT_PLAIN)
        .bodyValue("title=Developer")
        .exchange()
        .expectStatus()
        .isEqualTo(415)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void optionalDetailsTravelWithTheEventAndAnInvertedSalaryRangeIsNamed() {
    Map<String, Object> vacancy = new java.util.HashMap<>(validVacancy());
    vacancy.putAll(
        Map.of(
            "workMode",
            "HYBRID",
            "level",
            "ENTRY",
            "salaryMin",
            24000,
            "salaryMax",
            27000,
            "deviceProvided",
            true,
            "niceToHaveSkills",
            List.of(Map.of("skillId", "Git", "level", 1))));
    Map<?, ?> body =
        http.post()
            .uri("/api/v1/vacancies")
            .header("X-API-Key", EMPLOYER_KEY)
            .bodyValue(vacancy)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    String vacancyId = (String) body.get("vacancyId");
    VacancyPublished event =
        (VacancyPublished)
            CODEC.decode(
                vacancies.await(r -> vacancyId.equals(r.key()), Duration.ofSeconds(10)).value());
    assertThat(event.vacancy().workMode()).isEqualTo(org.skillway.events.WorkMode.HYBRID);
    assertThat(event.vacancy().deviceProvided()).isTrue();
    assertThat(event.vacancy().niceToHaveSkills())
        .containsExactly(new SkillLevel("skill/9d2e926f-53d9-41f5-98f3-19dfaa687f3f", 1));

    vacancy.put("salaryMin", 30000);
    http.post()
        .uri("/api/v1/vacancies")
        .header("X-API-Key", EMPLOYER_KEY)
        .bodyValue(vacancy)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("salaryMin")
        .jsonPath("$.errors[0].reason")
        .isEqualTo("must not exceed salaryMax");
  }

  @Test
  void healthAndMetricsAreServedForProbesAndPrometheus() {
    http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
    http.get()
        .uri("/actuator/health")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("UP");
    // A scrape holds a latency histogram per route: more than the client's default 256 KB buffer.
    String metrics =
        http.mutate()
            .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
            .build()
            .get()
            .uri("/actuator/prometheus")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    assertThat(metrics)
        .contains("application=\"ingest-service\"")
        .contains("region=\"north-west-england\"");
  }
}
