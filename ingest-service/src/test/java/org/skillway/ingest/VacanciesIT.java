package org.skillway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.skillway.events.EventSchemas;
import org.skillway.events.SkillLevel;
import org.skillway.events.VacancyPublished;
import org.skillway.events.VacancyStatus;
import org.springframework.http.MediaType;

/**
 * An employer's vacancies over their whole life: post (once, whatever the retries), list, read,
 * replace, change in part, close and delete, each change a new version on Kafka; and the rules a
 * vacancy must meet.
 */
class VacanciesIT extends IngestItSupport {

  private Map<?, ?> post(String apiKey, Map<String, Object> vacancy) {
    return http.post()
        .uri("/api/v1/vacancies")
        .header("X-API-Key", apiKey)
        .bodyValue(vacancy)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  private VacancyPublished version(String vacancyId, long version) {
    var record =
        vacancies.await(
            r ->
                vacancyId.equals(r.key())
                    && CODEC.decode(r.value()).metadata().aggregateVersion() == version,
            Duration.ofSeconds(10));
    EventSchemas.assertConforms(record.value());
    return (VacancyPublished) CODEC.decode(record.value());
  }

  @Test
  void aRetryWithTheSameIdempotencyKeyGetsTheSameVacancyNotASecondOne() {
    String key = UUID.randomUUID().toString();
    Map<?, ?> first =
        http.post()
            .uri("/api/v1/vacancies")
            .header("X-API-Key", EMPLOYER_KEY)
            .header("Idempotency-Key", key)
            .bodyValue(IngestApiIT.validVacancy())
            .exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueMatches("Location", "/api/v1/vacancies/[0-9a-f-]{36}")
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    Map<?, ?> retry =
        http.post()
            .uri("/api/v1/vacancies")
            .header("X-API-Key", EMPLOYER_KEY)
            .header("Idempotency-Key", key)
            .bodyValue(IngestApiIT.validVacancy())
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

    assertThat(retry.get("vacancyId")).isEqualTo(first.get("vacancyId"));
    assertThat(retry.get("version")).isEqualTo(1);

    Map<String, Object> different = new HashMap<>(IngestApiIT.validVacancy());
    different.put("title", "Senior Java developer");
    http.post()
        .uri("/api/v1/vacancies")
        .header("X-API-Key", EMPLOYER_KEY)
        .header("Idempotency-Key", key)
        .bodyValue(different)
        .exchange()
        .expectStatus()
        .isEqualTo(422)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("Idempotency-Key");

    // Another employer's use of the same key is theirs alone.
    assertThat(post(OTHER_EMPLOYER_KEY, IngestApiIT.validVacancy()).get("vacancyId"))
        .isNotEqualTo(first.get("vacancyId"));
  }

  @Test
  void anEmployerReplacesPatchesClosesAndDeletesTheirVacancyEachChangeANewVersion() {
    Map<?, ?> posted = post(EMPLOYER_KEY, IngestApiIT.validVacancy());
    String id = (String) posted.get("vacancyId");
    assertThat(version(id, 1).vacancy().status()).isEqualTo(VacancyStatus.OPEN);

    Map<String, Object> replacement = new HashMap<>(IngestApiIT.validVacancy());
    replacement.put("title", "Junior Java and Python developer");
    replacement.put(
        "requiredSkills",
        List.of(Map.of("skillId", "Java", "level", 2), Map.of("skillId", "Python", "level", 2)));
    http.put()
        .uri("/api/v1/vacancies/{id}", id)
        .header("X-API-Key", EMPLOYER_KEY)
        .bodyValue(replacement)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.version")
        .isEqualTo(2);
    assertThat(version(id, 2).vacancy().requiredSkills())
        .containsExactly(new SkillLevel(JAVA, 2), new SkillLevel(PYTHON, 2));

    http.patch()
        .uri("/api/v1/vacancies/{id}", id)
        .header("X-API-Key", EMPLOYER_KEY)
        .contentType(MediaType.parseMediaType("application/merge-patch+json"))
        .bodyValue(Map.of("salaryMin", 21000, "salaryMax", 25000, "positions", 3))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.vacancy.positions")
        .isEqualTo(3)
        .jsonPath("$.vacancy.title")
        .isEqualTo("Junior Java and Python developer");
    assertThat(version(id, 3).vacancy().salaryMax()).isEqualTo(25000);

    http.patch()
        .uri("/api/v1/vacancies/{id}", id)
        .header("X-API-Key", EMPLOYER_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("status", "CLOSED"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.status")
        .isEqualTo("CLOSED");
    assertThat(version(id, 4).vacancy().status()).isEqualTo(VacancyStatus.CLOSED);

    http.get()
        .uri("/api/v1/vacancies?size=100")
        .header("X-API-Key", EMPLOYER_KEY)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items[?(@.vacancyId == '" + id + "')].version")
        .isEqualTo(List.of(4));

    http.delete()
        .uri("/api/v1/vacancies/{id}", id)
        .header("X-API-Key", EMPLOYER_KEY)
        .exchange()
        .expectStatus()
        .isNoContent();
    assertThat(version(id, 5).vacancy().status()).isEqualTo(VacancyStatus.CLOSED);
    http.get()
        .uri("/api/v1/vacancies/{id}", id)
        .header("X-API-Key", EMPLOYER_KEY)
        .exchange()
        .expectStatus()
        .isNotFound();
  }

  @Test
  void anEmployerCannotSeeOrTouchAnotherEmployersVacancy() {
    String id = (String) post(EMPLOYER_KEY, IngestApiIT.validVacancy()).get("vacancyId");

    http.get()
        .uri("/api/v1/vacancies/{id}", id)
        .header("X-API-Key", OTHER_EMPLOYER_KEY)
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    http.put()
        .uri("/api/v1/vacancies/{id}", id)
        .header("X-API-Key", OTHER_EMPLOYER_KEY)
        .bodyValue(IngestApiIT.validVacancy())
        .exchange()
        .expectStatus()
        .isForbidden();
    http.patch()
        .uri("/api/v1/vacancies/{id}", id)
        .header("X-API-Key", OTHER_EMPLOYER_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("status", "CLOSED"))
        .exchange()
        .expectStatus()
        .isForbidden();
    http.delete()
        .uri("/api/v1/vacancies/{id}", id)
        .header("X-API-Key", OTHER_EMPLOYER_KEY)
        .exchange()
        .expectStatus()
        .isForbidden();
    http.get()
        .uri("/api/v1/vacancies?size=100")
        .header("X-API-Key", OTHER_EMPLOYER_KEY)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items[?(@.vacancyId == '" + id + "')]")
        .isEmpty();

    http.get()
        .uri("/api/v1/vacancies/{id}", id)
        .header("X-API-Key", EMPLOYER_KEY)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.version")
        .isEqualTo(1);
  }

  @Test
  void wordingThatMayDiscriminateIsNamedWithWhereItIs() {
    Map<String, Object> vacancy = new HashMap<>(IngestApiIT.validVacancy());
    vacancy.put("title", "Young Java developer");
    vacancy.put("description", "Join a youthful team. Suits a recent graduate or a female coder.");

    http.post()
        .uri("/api/v1/vacancies")
        .header("X-API-Key", EMPLOYER_KEY)
        .bodyValue(vacancy)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("title", "description", "description"))
        .jsonPath("$.errors[0].reason")
        .isEqualTo(
            "contains 'Young' at character 1, wording that may discriminate under the Equality Act"
                + " 2010; describe the work and the skills it needs, not the person")
        .jsonPath("$.errors[1].reason")
        .value(
            reason -> assertThat((String) reason).startsWith("contains 'youthful' at character 8,"))
        .jsonPath("$.errors[2].reason")
        .value(
            reason -> assertThat((String) reason).startsWith("contains 'female' at character 52,"));
  }

  @Test
  void anApprenticeshipMustStateItsTermsAndMeetTheMinimumWageAndHours() {
    Map<String, Object> withoutTerms = new HashMap<>(IngestApiIT.validVacancy());
    withoutTerms.remove("apprenticeship");
    http.post()
        .uri("/api/v1/vacancies")
        .header("X-API-Key", EMPLOYER_KEY)
        .bodyValue(withoutTerms)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("apprenticeship");

    Map<String, Object> belowTheLaw = new HashMap<>(IngestApiIT.validVacancy());
    belowTheLaw.put(
        "apprenticeship",
        Map.of(
            "standard",
            "Software developer (ST0116)",
            "level",
            4,
            "weeklyHours",
            20,
            "hourlyWage",
            6.4));
    http.post()
        .uri("/api/v1/vacancies")
        .header("X-API-Key", EMPLOYER_KEY)
        .bodyValue(belowTheLaw)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("apprenticeship.weeklyHours", "apprenticeship.hourlyWage"))
        .jsonPath("$.errors[0].reason")
        .isEqualTo("must be at least 30 hours a week, training included")
        .jsonPath("$.errors[1].reason")
        .isEqualTo("must be at least the apprentice minimum wage, £8.00 an hour");

    Map<String, Object> jobWithTerms = new HashMap<>(IngestApiIT.validVacancy());
    jobWithTerms.put("kind", "JOB");
    http.post()
        .uri("/api/v1/vacancies")
        .header("X-API-Key", EMPLOYER_KEY)
        .bodyValue(jobWithTerms)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].reason")
        .isEqualTo("is for apprenticeships only");
  }

  @Test
  void theOccupationIsResolvedAndTheDescriptiveFieldsAreKept() {
    Map<String, Object> vacancy = new HashMap<>(IngestApiIT.validVacancy());
    vacancy.put("kind", "PLACEMENT");
    vacancy.remove("apprenticeship");
    vacancy.put("occupation", "software developer");
    vacancy.put("sector", " Digital ");
    vacancy.put("flexibleHours", true);
    vacancy.put("disabilityConfident", true);
    vacancy.put("description", "A year in industry building our booking app.");

    Map<?, ?> posted = post(EMPLOYER_KEY, vacancy);

    @SuppressWarnings("unchecked")
    Map<String, Object> stored = (Map<String, Object>) posted.get("vacancy");
    assertThat((String) stored.get("occupation")).startsWith("occupation/");
    assertThat(stored)
        .containsEntry("sector", "digital")
        .containsEntry("positions", 1)
        .containsEntry("flexibleHours", true)
        .containsEntry("disabilityConfident", true);
  }

  @Test
  void aRoleCanWeighItsSkillsAndBeOfferedInUpToTenPlacesOrNationwide() {
    Map<String, Object> vacancy = new HashMap<>(IngestApiIT.validVacancy());
    vacancy.put(
        "requiredSkills",
        List.of(
            Map.of("skillId", "Java", "level", 2, "weight", 3),
            Map.of("skillId", "SQL", "level", 1)));
    vacancy.put("additionalOutcodes", List.of("m1", "L1"));

    Map<?, ?> posted = post(EMPLOYER_KEY, vacancy);

    VacancyPublished published = version((String) posted.get("vacancyId"), 1);
    assertThat(published.vacancy().requiredSkills())
        .containsExactly(new SkillLevel(JAVA, 2, 3, null), new SkillLevel(SQL, 1));
    assertThat(published.vacancy().outcodes()).containsExactly("PR1", "M1", "L1");
    assertThat(published.vacancy().nationwide()).isFalse();

    vacancy.remove("additionalOutcodes");
    vacancy.put("nationwide", true);
    Map<?, ?> anywhere = post(EMPLOYER_KEY, vacancy);
    assertThat(version((String) anywhere.get("vacancyId"), 1).vacancy().nationwide()).isTrue();
  }

  @Test
  void tooManyPlacesAPlaceNamedTwiceAndAWeightOnANiceToHaveSkillAreNamed() {
    Map<String, Object> vacancy = new HashMap<>(IngestApiIT.validVacancy());
    vacancy.put(
        "additionalOutcodes", List.of("M1", "M2", "M3", "M4", "M5", "M6", "M7", "M8", "M9", "M11"));
    expectVacancyProblem(
        vacancy, "additionalOutcodes", "may name at most 9 places besides outcode (10 in all)");

    vacancy.put("additionalOutcodes", List.of("M1", "pr1"));
    expectVacancyProblem(vacancy, "additionalOutcodes[1]", "names 'PR1' again");

    vacancy.remove("additionalOutcodes");
    vacancy.put("niceToHaveSkills", List.of(Map.of("skillId", "Python", "level", 1, "weight", 2)));
    expectVacancyProblem(vacancy, "niceToHaveSkills[0].weight", "is for required skills only");
  }
}
