package org.skillway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.http.MediaType;

/**
 * Free text that a spreadsheet would run as a formula, or that hides control characters, is refused
 * where it comes in (vacancies, cohort rows, key labels), naming the field, so no export can carry
 * it.
 */
class SpreadsheetSafeTextIT extends IngestItSupport {
  static final String FORMULA =
      "must not start with =, +, -, @, a tab or a carriage return, which spreadsheets run as"
          + " formulas";
  static final String CONTROL =
      "must not contain control characters (such as NUL) or invisible formatting characters";

  static Stream<Arguments> unsafeVacancyText() {
    return Stream.of(
        Arguments.of("title", "=HYPERLINK(\"http://evil.example\",\"Apply\")", FORMULA),
        Arguments.of("title", "+44 developer", FORMULA),
        Arguments.of("title", "-1 developer", FORMULA),
        Arguments.of("title", "@SUM(A1:A9)", FORMULA),
        Arguments.of("title", "\tDeveloper", FORMULA),
        Arguments.of("title", "\rDeveloper", FORMULA),
        Arguments.of("title", "  =1+1", FORMULA),
        Arguments.of("title", "Developer\u0000", CONTROL),
        Arguments.of("title", "Dev\u202Eeloper", CONTROL),
        Arguments.of("title", "Java\ndeveloper", CONTROL),
        Arguments.of("description", "=cmd|' /C calc'!A0", FORMULA),
        Arguments.of("description", "Ring the bell\u0007", CONTROL),
        Arguments.of("sector", "@risk", FORMULA),
        Arguments.of("occupation", "=software developer", FORMULA),
        Arguments.of("apprenticeship.standard", "+Software developer (ST0116)", FORMULA));
  }

  private static Map<String, Object> vacancyWith(String field, String value) {
    Map<String, Object> vacancy = new HashMap<>(IngestApiIT.validVacancy());
    if (field.startsWith("apprenticeship.")) {
      @SuppressWarnings("unchecked")
      Map<String, Object> terms =
          new HashMap<>((Map<String, Object>) vacancy.get("apprenticeship"));
      terms.put(field.substring("apprenticeship.".length()), value);
      vacancy.put("apprenticeship", terms);
    } else {
      vacancy.put(field, value);
    }
    return vacancy;
  }

  @ParameterizedTest
  @MethodSource("unsafeVacancyText")
  void aVacancyWithTextASpreadsheetWouldRunOrThatHidesControlsIsRefused(
      String field, String value, String reason) {
    expectVacancyProblem(vacancyWith(field, value), field, reason);
  }

  @Test
  void aPatchCannotSlipAFormulaIntoTheTitle() {
    String id =
        (String)
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

    http.patch()
        .uri("/api/v1/vacancies/{id}", id)
        .header("X-API-Key", EMPLOYER_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("title", "=1+1"))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("title")
        .jsonPath("$.errors[0].reason")
        .isEqualTo(FORMULA);
  }

  @Test
  void ordinaryTextIsKeptWithItsSignsInsideAndTheDescriptionsLineBreaks() {
    Map<String, Object> vacancy =
        vacancyWith("title", "C++ / C# developer - 2027 intake @ Preston");
    vacancy.put(
        "description", "Build our booking app.\n\nWork with Java, SQL and a kind team.\r\n");
    vacancy.put("sector", "Digital");

    http.post()
        .uri("/api/v1/vacancies")
        .header("X-API-Key", EMPLOYER_KEY)
        .bodyValue(vacancy)
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.vacancy.title")
        .isEqualTo("C++ / C# developer - 2027 intake @ Preston")
        .jsonPath("$.vacancy.description")
        .isEqualTo("Build our booking app.\n\nWork with Java, SQL and a kind team.");
  }

  @Test
  void aPersonsOwnProfileTextIsCheckedAlikeAndEveryUnsafeFieldIsNamedAtOnce() {
    Map<String, Object> profile = new HashMap<>();
    profile.put("pathway", "STUDENT");
    profile.put("student", Map.of("stage", "UNDERGRADUATE", "course", "=HYPERLINK(\"x\")"));
    profile.put("outcode", "M1");
    profile.put("consentToMatch", true);
    profile.put("skills", List.of());
    profile.put("desiredSectors", List.of("digital", "@health"));
    profile.put("qualifications", List.of(Map.of("title", "+A level Maths", "rqfLevel", 3)));
    profile.put("adjustments", "I use a screen reader\u0000");

    http.post()
        .uri("/api/v1/accounts")
        .bodyValue(
            Map.of(
                "email",
                "text-" + UUID.randomUUID() + "@example.org",
                "password",
                "correct horse battery staple",
                "profile",
                profile))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[*].field")
        .value(
            fields ->
                assertThat((List<?>) fields)
                    .anySatisfy(f -> assertThat((String) f).endsWith("student.course"))
                    .anySatisfy(f -> assertThat((String) f).endsWith("desiredSectors[1]"))
                    .anySatisfy(f -> assertThat((String) f).endsWith("qualifications[0].title"))
                    .anySatisfy(f -> assertThat((String) f).endsWith("adjustments")));
  }

  @Test
  void cohortRowsWithFormulasOrControlCharactersAreRejectedNamingTheFieldAndNotEchoingIt() {
    // Given a CSV file with an unsafe cell in each of several rows, and one safe row
    String ref = "xl-" + UUID.randomUUID();
    String header = "studentRef,email,stage,outcode,skills,course,qualifications\n";
    String csv =
        header
            + row(ref + "-1", "\"=HYPERLINK(\"\"http://evil.example\"\")\"", "")
            + row(ref + "-2", "\"-2+3\"", "")
            + row(ref + "-3", "BSc\u0000Computing", "")
            + row(ref + "-4", "BSc Computing", "@A level Maths:3")
            + row("=1+1", "BSc Computing", "")
            + row(ref + "-6", "BSc Computing (C++)", "A level Maths:3");

    // When it is uploaded
    Map<?, ?> report = uploadCsv("xl-cohort", csv);

    // Then each unsafe row is rejected, naming the field, and the report never repeats the formula
    assertThat(report.get("rowsAccepted")).isEqualTo(1);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rejected = (List<Map<String, Object>>) report.get("rejected");
    assertThat(rejected)
        .extracting(r -> r.get("line") + " " + r.get("field") + ": " + r.get("reason"))
        .containsExactly(
            "2 course: " + FORMULA,
            "3 course: " + FORMULA,
            "4 course: " + CONTROL,
            "5 qualifications[0].title: " + FORMULA,
            "6 studentRef: must be 1 to 100 letters, digits, dots, hyphens or underscores,"
                + " starting with a letter or digit");
    assertThat(rejected.get(4).get("studentRef")).isNull();
  }

  @Test
  void anNdjsonRowsCourseAndQualificationAreCheckedAlike() {
    String ref = "xlnd-" + UUID.randomUUID();
    String body =
        "{\"studentRef\":\""
            + ref
            + "\",\"email\":\""
            + ref
            + "@uni.example\",\"stage\":\"GRADUATE\",\"outcode\":\"M1\",\"skills\":[],"
            + "\"course\":\"\\tBSc\",\"qualifications\":[{\"title\":\"Maths\\u200B\",\"rqfLevel\":3}]}\n";

    Map<?, ?> report =
        http.post()
            .uri("/api/v1/cohorts/{cohort}/students", "xl-cohort")
            .header("X-API-Key", UNIVERSITY_KEY)
            .contentType(MediaType.parseMediaType("application/x-ndjson"))
            .bodyValue(body.getBytes(StandardCharsets.UTF_8))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rejected = (List<Map<String, Object>>) report.get("rejected");
    assertThat(rejected)
        .extracting(r -> r.get("field") + ": " + r.get("reason"))
        .containsExactlyInAnyOrder("course: " + FORMULA, "qualifications[0].title: " + CONTROL);
  }

  private static String row(String ref, String course, String qualifications) {
    return ref
        + ","
        + ref.replace("=", "x")
        + "@uni.example,GRADUATE,M1,,"
        + course
        + ","
        + qualifications
        + "\n";
  }
}
