package org.skillway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * What a fuzzer sent and got a 500 for: a vacancy patch of the wrong types or out-of-range numbers,
 * path variables that are no identifiers, NDJSON lines that are not student objects. Each is now a
 * problem naming what is wrong (or a rejected row, while the rest of the upload goes on).
 */
class FuzzedRequestsIT extends IngestItSupport {
  private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
  private static final String NO_ID =
      "must be 1 to 64 letters, digits, dots, hyphens or underscores, starting with a letter or"
          + " digit";

  private String postVacancy() {
    return (String)
        http.post()
            .uri("/api/v1/vacancies")
            .header("X-API-Key", EMPLOYER_KEY)
            .bodyValue(IngestApiIT.validVacancy())
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("vacancyId");
  }

  private static String nested(String innermost, int depth) {
    return "{\"a\":".repeat(depth) + innermost + "}".repeat(depth);
  }

  static Stream<Arguments> badPatches() {
    return Stream.of(
        Arguments.of("{\"positions\":99999999999999999999999}", "positions"),
        Arguments.of("{\"positions\":1e400}", "positions"),
        Arguments.of("{\"positions\":2.5}", "positions"),
        Arguments.of("{\"positions\":\"three\"}", "positions"),
        Arguments.of("{\"positions\":-1}", "positions"),
        Arguments.of("{\"positions\":[1]}", "positions"),
        Arguments.of("{\"salaryMin\":99999999999999999999999}", "salaryMin"),
        Arguments.of("{\"salaryMin\":\"lots\"}", "salaryMin"),
        Arguments.of("{\"salaryMin\":-5}", "salaryMin"),
        Arguments.of("{\"salaryMax\":1e400}", "salaryMax"),
        Arguments.of("{\"salaryMax\":\"lots\"}", "salaryMax"),
        Arguments.of("{\"salaryMax\":-5}", "salaryMax"),
        Arguments.of("{\"title\":[\"Developer\"]}", "title"),
        Arguments.of("{\"title\":{}}", "title"),
        Arguments.of("{\"title\":{\"$gt\":\"\"}}", "title"),
        Arguments.of("{\"title\":" + nested("1", 100) + "}", "title"),
        Arguments.of(
            "{\"apprenticeship\":{\"standard\":" + nested("1", 99) + "}}",
            "apprenticeship.standard"),
        Arguments.of(nested("1", 100), "a"),
        Arguments.of(
            "{\"requiredSkills\":[{\"skillId\":{\"$gt\":\"\"},\"level\":2}]}",
            "requiredSkills[0].skillId"),
        Arguments.of("{\"status\":[\"OPEN\"]}", "status"),
        Arguments.of("{\"employerId\":\"someone-else\"}", "employerId"));
  }

  static Stream<Arguments> badVacancyFields() {
    return Stream.of(
        Arguments.of("positions", 2.5),
        Arguments.of("kind", 0),
        Arguments.of("salaryMin", 20000.5));
  }

  @ParameterizedTest
  @MethodSource("badVacancyFields")
  void aPostedVacancyWithAFractionForAWholeNumberOrAnEnumByNumberIsRefusedNamingTheField(
      String field, Object value) {
    Map<String, Object> vacancy = new java.util.HashMap<>(IngestApiIT.validVacancy());
    vacancy.put(field, value);

    http.post()
        .uri("/api/v1/vacancies")
        .header("X-API-Key", EMPLOYER_KEY)
        .bodyValue(vacancy)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo(field);
  }

  @ParameterizedTest
  @MethodSource("badPatches")
  void aPatchOfTheWrongTypeOrOutOfRangeIsAProblemNamingTheField(String patch, String field) {
    // Given a vacancy
    String id = postVacancy();

    // When a patch of the wrong type or out of range is sent
    http.patch()
        .uri("/api/v1/vacancies/{id}", id)
        .header("X-API-Key", EMPLOYER_KEY)
        .contentType(MediaType.parseMediaType("application/merge-patch+json"))
        .bodyValue(patch)
        .exchange()
        // Then it is refused, naming the field, and the vacancy is as it was
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo(field);
    http.get()
        .uri("/api/v1/vacancies/{id}", id)
        .header("X-API-Key", EMPLOYER_KEY)
        .exchange()
        .expectBody()
        .jsonPath("$.version")
        .isEqualTo(1);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"💥", "*", "~", "{\"$gt\":\"\"}", "-starts-with-a-hyphen", "a b", "x\u200By"})
  void aCohortIdThatIsNoIdentifierIsAProblemNamingCohortId(String cohortId) {
    WebTestClient.RequestHeadersSpec<?>[] requests = {
      http.post()
          .uri("/api/v1/cohorts/{cohort}/students", cohortId)
          .header("X-API-Key", UNIVERSITY_KEY)
          .contentType(MediaType.parseMediaType("text/csv"))
          .bodyValue("studentRef,email,stage,outcode,skills\n"),
      http.get()
          .uri("/api/v1/cohorts/{cohort}/uploads", cohortId)
          .header("X-API-Key", UNIVERSITY_KEY),
      http.get()
          .uri("/api/v1/cohorts/{cohort}/uploads/{id}", cohortId, UUID.randomUUID())
          .header("X-API-Key", UNIVERSITY_KEY),
      http.post()
          .uri("/api/v1/cohorts/{cohort}/students/{ref}/invitations", cohortId, "s1")
          .header("X-API-Key", UNIVERSITY_KEY)
    };
    for (WebTestClient.RequestHeadersSpec<?> request : requests) {
      expectNoIdProblem(request, "cohortId", NO_ID);
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"💥", "*", "~", "{\"$gt\":\"\"}", "-1", "a b", "x\u200By"})
  void otherPathVariablesThatAreNoIdentifiersAreProblemsNamingThem(String bad) {
    expectNoIdProblem(
        http.post()
            .uri("/api/v1/cohorts/c1/students/{ref}/invitations", bad)
            .header("X-API-Key", UNIVERSITY_KEY),
        "studentRef",
        "must be 1 to 100 letters, digits, dots, hyphens or underscores, starting with a letter or"
            + " digit");
    expectNoIdProblem(
        http.get().uri("/api/v1/cohorts/c1/uploads/{id}", bad).header("X-API-Key", UNIVERSITY_KEY),
        "uploadId",
        NO_ID);
    for (HttpMethod method : List.of(HttpMethod.GET, HttpMethod.DELETE)) {
      expectNoIdProblem(
          http.method(method).uri("/api/v1/vacancies/{id}", bad).header("X-API-Key", EMPLOYER_KEY),
          "vacancyId",
          NO_ID);
    }
    expectNoIdProblem(
        http.put()
            .uri("/api/v1/vacancies/{id}", bad)
            .header("X-API-Key", EMPLOYER_KEY)
            .bodyValue(IngestApiIT.validVacancy()),
        "vacancyId",
        NO_ID);
    expectNoIdProblem(
        http.patch()
            .uri("/api/v1/vacancies/{id}", bad)
            .header("X-API-Key", EMPLOYER_KEY)
            .contentType(MediaType.APPLICATION_JSON)
            .bodyValue(Map.of("positions", 2)),
        "vacancyId",
        NO_ID);
    expectNoIdProblem(
        http.delete().uri("/api/v1/api-keys/{id}", bad).header("X-API-Key", EMPLOYER_KEY),
        "keyId",
        NO_ID);
    expectNoIdProblem(
        http.delete().uri("/api/v1/admin/api-keys/{id}", bad).header("X-API-Key", OPERATOR_KEY),
        "keyId",
        NO_ID);
  }

  @Test
  void aPageOrSizeOutOfRangeIsAProblemNamingIt() {
    expectNoIdProblem(
        http.get().uri("/api/v1/vacancies?page=-1").header("X-API-Key", EMPLOYER_KEY),
        "page",
        "must be 0 or more");
    expectNoIdProblem(
        http.get().uri("/api/v1/vacancies?size=1000").header("X-API-Key", EMPLOYER_KEY),
        "size",
        "must be 1 to 100");
    expectNoIdProblem(
        http.get()
            .uri("/api/v1/cohorts/c1/uploads/{id}?size=0", UUID.randomUUID())
            .header("X-API-Key", UNIVERSITY_KEY),
        "size",
        "must be 1 to 1000");
    http.get()
        .uri("/api/v1/vacancies?size=lots")
        .header("X-API-Key", EMPLOYER_KEY)
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  private static void expectNoIdProblem(
      WebTestClient.RequestHeadersSpec<?> request, String field, String reason) {
    request
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo(field)
        .jsonPath("$.errors[0].reason")
        .isEqualTo(reason);
  }

  @Test
  void ndjsonLinesThatAreNoStudentObjectsAreRejectedOneByOneAndTheUploadGoesOn() {
    // Given a file of odd lines around one good student
    String ref = "fuzz-" + UUID.randomUUID();
    String good =
        "{\"studentRef\":\""
            + ref
            + "\",\"email\":\""
            + ref
            + "@uni.example\",\"stage\":\"GRADUATE\",\"outcode\":\"M1\",\"skills\":[]}";
    String body =
        String.join(
                "\n",
                "null",
                "[]",
                "\"x\"",
                "42",
                "{\"studentRef\":{\"$gt\":\"\"},\"email\":\"a@uni.example\",\"stage\":\"GRADUATE\","
                    + "\"outcode\":\"M1\",\"skills\":[]}",
                "{\"studentRef\":[\"s1\"],\"email\":\"b@uni.example\",\"stage\":\"GRADUATE\","
                    + "\"outcode\":\"M1\",\"skills\":[]}",
                "{\"studentRef\":\"ok-"
                    + ref
                    + "\",\"email\":{\"$ne\":null},\"stage\":\"GRADUATE\","
                    + "\"outcode\":\"M1\",\"skills\":[]}",
                good)
            + "\n";

    // When it is uploaded
    Map<?, ?> report =
        http.post()
            .uri("/api/v1/cohorts/{cohort}/students", "fuzz-cohort")
            .header("X-API-Key", UNIVERSITY_KEY)
            .contentType(NDJSON)
            .bodyValue(body.getBytes(StandardCharsets.UTF_8))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

    // Then each odd line is rejected, naming what is wrong, and the good student is loaded
    assertThat(report.get("state")).isEqualTo("DONE");
    assertThat(report.get("rowsProcessed")).isEqualTo(8);
    assertThat(report.get("rowsAccepted")).isEqualTo(1);
    assertThat(report.get("rowsRejected")).isEqualTo(7);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rejected = (List<Map<String, Object>>) report.get("rejected");
    assertThat(rejected)
        .extracting(r -> r.get("line") + " " + r.get("field") + " " + r.get("studentRef"))
        .containsExactly(
            "1 line null",
            "2 line null",
            "3 line null",
            "4 line null",
            "5 studentRef null",
            "6 studentRef null",
            "7 email ok-" + ref);
    assertThat(rejected.get(0).get("reason")).isEqualTo("is not a JSON object");
    assertThat(rejected.get(4).get("reason")).isEqualTo("has the wrong type (expected a string)");
  }
}
