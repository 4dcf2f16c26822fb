package org.skillway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * An SME that "doesn't know what it doesn't know" drafts a vacancy from its ESCO occupation, and a
 * person retraining is offered the skills their last job implies, through the running ingest
 * service on a real broker and the MongoDB wire server.
 */
class OccupationsIT extends IngestItSupport {

  private Map<?, ?> getJson(String uri, Object... variables) {
    return http.get()
        .uri(uri, variables)
        .header("X-API-Key", EMPLOYER_KEY)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  @SuppressWarnings("unchecked")
  private static List<Map<String, String>> list(Map<?, ?> body, String field) {
    return (List<Map<String, String>>) body.get(field);
  }

  private static List<String> ids(List<Map<String, String>> skills) {
    return skills.stream().map(s -> s.get("id") != null ? s.get("id") : s.get("value")).toList();
  }

  private Map<?, ?> headChef() {
    Map<?, ?> found = getJson("/api/v1/occupations?q={q}&limit=3", "head chef");
    List<Map<String, String>> occupations = list(found, "occupations");
    assertThat(occupations).isNotEmpty();
    assertThat(occupations.get(0).get("label")).isEqualTo("head chef");
    String[] id = occupations.get(0).get("id").split("/");
    return getJson("/api/v1/occupations/{scheme}/{code}", id[0], id[1]);
  }

  @Test
  void anEmployerFindsAnOccupationAndTheSkillsItNeeds() {
    Map<?, ?> chef = headChef();

    assertThat(chef.get("label")).isEqualTo("head chef");
    assertThat(chef.get("taxonomyVersion")).isEqualTo("esco-1.2.0+1.1.1");
    assertThat(list(chef, "essentialSkills"))
        .hasSizeGreaterThan(5)
        .extracting(s -> s.get("label"))
        .anySatisfy(label -> assertThat(label).containsIgnoringCase("food"));
    assertThat(list(chef, "optionalSkills")).isNotEmpty();
  }

  @Test
  void postingAVacancyWithAnOccupationAndFewSkillsSuggestsTheEssentialOnesItLeftOut() {
    Map<?, ?> chef = headChef();
    List<Map<String, String>> essential = list(chef, "essentialSkills");
    String listed = essential.get(0).get("id");
    Map<String, Object> vacancy = new HashMap<>();
    vacancy.put("title", "Head chef");
    vacancy.put("kind", "JOB");
    vacancy.put("level", "SENIOR");
    vacancy.put("occupation", "head chef");
    vacancy.put("requiredSkills", List.of(Map.of("skillId", listed, "level", 4)));
    vacancy.put("outcode", "LA1");
    vacancy.put("closingDate", LocalDate.now().plusDays(30).toString());

    Map<?, ?> posted =
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

    // The answer suggests the rest of the occupation's essential skills, in ESCO's order
    assertThat(ids(list(posted, "suggestedSkills")))
        .isEqualTo(ids(essential).stream().filter(id -> !id.equals(listed)).toList());
    // and changes nothing: the vacancy asks for the one skill the employer gave
    Map<?, ?> stored = (Map<?, ?>) posted.get("vacancy");
    assertThat(ids(list(stored, "requiredSkills").stream().map(this::asSkill).toList()))
        .containsExactly(listed);
  }

  private Map<String, String> asSkill(Map<String, ?> required) {
    return Map.of("id", (String) required.get("skillId"));
  }

  @Test
  void someoneRetrainingIsOfferedTheSkillsTheirLastJobImpliesAndNoneCountsUntilAdded() {
    Map<String, Object> profile = new HashMap<>();
    profile.put("pathway", "RETRAINER");
    profile.put("skills", List.of(Map.of("skillId", "work in teams", "level", 4)));
    profile.put("outcode", "PR1");
    profile.put("consentToMatch", true);
    profile.put("retrainer", Map.of("occupation", "shop supervisor", "willingToTrain", true));
    Map<?, ?> registered =
        http.post()
            .uri("/api/v1/accounts")
            .bodyValue(
                Map.of(
                    "email",
                    "retrainer-" + UUID.randomUUID() + "@example.org",
                    "password",
                    "correct horse battery staple",
                    "profile",
                    profile))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

    Map<?, ?> view =
        http.get()
            .uri("/api/v1/profiles/{id}", registered.get("profileId"))
            .header("Authorization", "Bearer " + registered.get("accessToken"))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

    // The shop supervisor's essential skills are proposed, without the one already listed
    List<Map<String, String>> probable = list(view, "probableSkills");
    assertThat(probable).isNotEmpty();
    assertThat(probable)
        .extracting(s -> s.get("label"))
        .doesNotContain("work in teams")
        .anySatisfy(label -> assertThat(label).containsIgnoringCase("staff"));
    // and the profile (what matching sees) still holds only that one
    Map<?, ?> stored = (Map<?, ?>) view.get("profile");
    assertThat((List<?>) stored.get("skills")).hasSize(1);
  }

  @Test
  void aMissingSearchAndAnUnknownOccupationAreProblemsThatSayWhatToDo() {
    http.get()
        .uri("/api/v1/occupations?limit=0")
        .header("X-API-Key", EMPLOYER_KEY)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType("application/problem+json")
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("limit")
        .jsonPath("$.errors[1].field")
        .isEqualTo("q");
    http.get()
        .uri("/api/v1/occupations/occupation/not-one")
        .header("X-API-Key", EMPLOYER_KEY)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType("application/problem+json");
    http.get().uri("/api/v1/occupations?q=chef").exchange().expectStatus().isUnauthorized();
  }
}
