package org.skillway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** API keys: made by an operator, shown once, scoped to one owner, rotated and revoked. */
class ApiKeysIT extends IngestItSupport {

  private Map<?, ?> issueAsOperator(String ownerId, String role) {
    return http.post()
        .uri("/api/v1/admin/api-keys")
        .header("X-API-Key", OPERATOR_KEY)
        .bodyValue(Map.of("ownerId", ownerId, "role", role, "label", "HR system"))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  private void postVacancyWith(String key, int expectedStatus) {
    http.post()
        .uri("/api/v1/vacancies")
        .header("X-API-Key", key)
        .bodyValue(IngestApiIT.validVacancy())
        .exchange()
        .expectStatus()
        .isEqualTo(expectedStatus);
  }

  @Test
  void anOperatorMakesAnEmployersKeyWhichIsShownOnceAndWorksUntilRevoked() {
    String employer = "wigan-web-" + UUID.randomUUID();
    Map<?, ?> issued = issueAsOperator(employer, "EMPLOYER");
    String key = (String) issued.get("apiKey");
    String keyId = (String) issued.get("keyId");
    assertThat(key).startsWith("sw_").hasSizeGreaterThan(40);
    assertThat(issued.get("ownerId")).isEqualTo(employer);

    postVacancyWith(key, 201);
    http.get()
        .uri("/api/v1/api-keys")
        .header("X-API-Key", key)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.ownerId")
        .isEqualTo(employer)
        .jsonPath("$.keys[0].keyId")
        .isEqualTo(keyId)
        .jsonPath("$.keys[0].label")
        .isEqualTo("HR system")
        .jsonPath("$.keys[0].revoked")
        .isEqualTo(false)
        .jsonPath("$.keys[0].apiKey")
        .doesNotExist();

    http.delete()
        .uri("/api/v1/api-keys/{keyId}", keyId)
        .header("X-API-Key", key)
        .exchange()
        .expectStatus()
        .isNoContent();
    postVacancyWith(key, 401);
  }

  @Test
  void anOwnerRotatesByMakingASecondKeyThenRevokingTheFirst() {
    String employer = "crewe-code-" + UUID.randomUUID();
    Map<?, ?> first = issueAsOperator(employer, "EMPLOYER");
    String firstKey = (String) first.get("apiKey");

    Map<?, ?> second =
        http.post()
            .uri("/api/v1/api-keys")
            .header("X-API-Key", firstKey)
            .bodyValue(Map.of("label", "new HR system"))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    String secondKey = (String) second.get("apiKey");
    assertThat(second.get("ownerId")).isEqualTo(employer);
    assertThat(second.get("role")).isEqualTo("EMPLOYER");
    postVacancyWith(secondKey, 201);

    http.delete()
        .uri("/api/v1/api-keys/{keyId}", first.get("keyId"))
        .header("X-API-Key", secondKey)
        .exchange()
        .expectStatus()
        .isNoContent();
    postVacancyWith(firstKey, 401);
    postVacancyWith(secondKey, 201);
  }

  @Test
  void keysAreTheirOwnersAloneAndOnlyOperatorsMakeThemForOthers() {
    Map<?, ?> theirs = issueAsOperator("leigh-labs-" + UUID.randomUUID(), "EMPLOYER");

    http.delete()
        .uri("/api/v1/api-keys/{keyId}", theirs.get("keyId"))
        .header("X-API-Key", EMPLOYER_KEY)
        .exchange()
        .expectStatus()
        .isNotFound();
    postVacancyWith((String) theirs.get("apiKey"), 201);

    for (String notAnOperator : List.of(EMPLOYER_KEY, UNIVERSITY_KEY)) {
      http.post()
          .uri("/api/v1/admin/api-keys")
          .header("X-API-Key", notAnOperator)
          .bodyValue(Map.of("ownerId", "someone", "role", "EMPLOYER"))
          .exchange()
          .expectStatus()
          .isForbidden();
    }
    http.post()
        .uri("/api/v1/admin/api-keys")
        .header("X-API-Key", OPERATOR_KEY)
        .bodyValue(Map.of("ownerId", "someone", "role", "OPERATOR"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].reason")
        .isEqualTo("must be EMPLOYER or UNIVERSITY");

    http.delete()
        .uri("/api/v1/admin/api-keys/{keyId}", theirs.get("keyId"))
        .header("X-API-Key", OPERATOR_KEY)
        .exchange()
        .expectStatus()
        .isNoContent();
    postVacancyWith((String) theirs.get("apiKey"), 401);
  }

  @Test
  void aUniversityManagesItsOwnKeysToo() {
    Map<?, ?> issued = issueAsOperator("edge-hill-" + UUID.randomUUID(), "UNIVERSITY");
    http.get()
        .uri("/api/v1/api-keys")
        .header("X-API-Key", (String) issued.get("apiKey"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.keys[0].role")
        .isEqualTo("UNIVERSITY");
    postVacancyWith((String) issued.get("apiKey"), 403);
  }
}
