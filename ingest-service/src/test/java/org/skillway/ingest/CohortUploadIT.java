package org.skillway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.skillway.events.EventSchemas;
import org.skillway.events.ProfileSubmitted;
import org.skillway.events.SkillLevel;
import org.springframework.http.MediaType;

/**
 * University cohort uploads: a 10,000-row CSV file with rejected rows, streamed; the per-row
 * report; a re-upload that adds nobody twice; NDJSON; limits; and who may see what.
 */
class CohortUploadIT extends IngestItSupport {
  private static final MediaType CSV = MediaType.parseMediaType("text/csv");
  private static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
  private static final List<String> PLACES =
      List.of("M1", "M4", "M14", "M20", "PR1", "LA1", "WA14", "CH1", "L1", "CA1", "BL1", "WN1");
  private static final String HEADER =
      "studentRef,email,stage,course,graduationDate,outcode,skills,qualifications,consentToMatch\n";

  /**
   * Row {@code i} (line {@code i + 2}): every 100th names a skill ESCO does not have, every 250th
   * an outcode that does not exist (so every 500th row has both).
   */
  private static String cohortCsv(String prefix, int rows) {
    StringBuilder csv = new StringBuilder("\uFEFF").append(HEADER);
    for (int i = 0; i < rows; i++) {
      String skills = i % 100 == 99 ? "Pythn:3;SQL:2" : "Python:3;SQL:2";
      String outcode = i % 250 == 249 ? "ZZ99" : PLACES.get(i % PLACES.size());
      csv.append(prefix)
          .append(i)
          .append(',')
          .append(prefix)
          .append(i)
          .append(
              "@students.example.ac.uk,UNDERGRADUATE,\"BSc Computing, with placement\",2027-07-01,")
          .append(outcode)
          .append(',')
          .append(skills)
          .append(",A level Maths:3,true\n");
    }
    return csv.toString();
  }

  @org.junit.jupiter.api.BeforeEach
  void allowForLargeFiles() {
    http = http.mutate().responseTimeout(Duration.ofSeconds(60)).build();
  }

  private Map<?, ?> upload(String cohort, MediaType type, String body) {
    return http.post()
        .uri("/api/v1/cohorts/{cohort}/students", cohort)
        .header("X-API-Key", UNIVERSITY_KEY)
        .contentType(type)
        .bodyValue(body.getBytes(StandardCharsets.UTF_8))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  @Test
  void aTenThousandRowCsvIsLoadedWithEachRejectedRowNamedAndAReuploadAddsNobody() {
    String prefix = "s" + UUID.randomUUID().toString().substring(0, 8) + "-";
    String cohort = "computing-2027-" + prefix;
    String file = cohortCsv(prefix, 10_000);

    Map<?, ?> report = upload(cohort, CSV, file);

    // 100 rows with an unknown skill, 40 with an unknown outcode, 20 of them both: 120 rows.
    assertThat(report.get("state")).isEqualTo("DONE");
    assertThat(report.get("rowsProcessed")).isEqualTo(10_000);
    assertThat(report.get("rowsRejected")).isEqualTo(120);
    assertThat(report.get("rowsAccepted")).isEqualTo(9_880);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rejected = (List<Map<String, Object>>) report.get("rejected");
    assertThat(rejected.get(0))
        .containsEntry("line", 101)
        .containsEntry("studentRef", prefix + "99")
        .containsEntry("field", "skills[0].skillId")
        .containsEntry(
            "reason",
            "'Pythn' is not a skill in the ESCO taxonomy; did you mean 'Python (computer"
                + " programming)'?");
    assertThat(rejected)
        .anySatisfy(
            r -> assertThat(r).containsEntry("line", 251).containsEntry("field", "outcode"));

    // The first student's profile is on Kafka, evidenced by the university.
    String firstId =
        UUID.nameUUIDFromBytes(("cohort:uclan:" + prefix + "0").getBytes(StandardCharsets.UTF_8))
            .toString();
    var record = profiles.await(r -> firstId.equals(r.key()), Duration.ofSeconds(20));
    EventSchemas.assertConforms(record.value());
    ProfileSubmitted first = (ProfileSubmitted) CODEC.decode(record.value());
    assertThat(first.profile().skills())
        .containsExactly(
            new SkillLevel(PYTHON, 3, null, "uclan"), new SkillLevel(SQL, 2, null, "uclan"));
    assertThat(first.profile().consentToMatch()).isTrue();
    http.get()
        .uri("/api/v1/profiles/{id}", firstId)
        .header("Authorization", "Bearer " + operatorToken())
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.profile.skills[0].evidencedBy")
        .isEqualTo("uclan")
        .jsonPath("$.profile.student.institution")
        .isEqualTo("uclan")
        .jsonPath("$.profile.student.course")
        .isEqualTo("BSc Computing, with placement");

    // The same file again: everyone is recognised, nothing new is sent.
    Map<?, ?> again = upload(cohort, CSV, file);
    assertThat(again.get("rowsAccepted")).isEqualTo(9_880);
    assertThat(again.get("rowsUnchanged")).isEqualTo(9_880);
    assertThat(
            profiles.withKey(firstId, Duration.ofSeconds(2)).stream()
                .map(r -> CODEC.decode(r.value()).metadata().aggregateVersion())
                .distinct())
        .containsExactly(1L);

    http.get()
        .uri("/api/v1/cohorts/{cohort}/uploads", cohort)
        .header("X-API-Key", UNIVERSITY_KEY)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.length()")
        .isEqualTo(2)
        .jsonPath("$[0].rowsUnchanged")
        .isEqualTo(9_880);
  }

  @Test
  void aLoadedStudentIsInvitedNotGivenAPasswordAndTheirEmailCannotBeTakenByAnotherRef() {
    String ref = "inv-" + UUID.randomUUID();
    String email = ref + "@students.example.ac.uk";
    String row = ref + "," + email + ",GRADUATE,,,PR1,Python:2,,false\n";
    upload("invites", CSV, HEADER + row);

    http.post()
        .uri("/api/v1/sessions")
        .bodyValue(Map.of("email", email, "password", "any password at all"))
        .exchange()
        .expectStatus()
        .isUnauthorized();

    Map<?, ?> report =
        upload(
            "invites",
            CSV,
            HEADER + "other-" + ref + "," + email + ",GRADUATE,,,PR1,Python:2,,false\n");
    assertThat(report.get("rowsRejected")).isEqualTo(1);
    @SuppressWarnings("unchecked")
    Map<String, Object> why = ((List<Map<String, Object>>) report.get("rejected")).get(0);
    assertThat(why)
        .containsEntry("field", "email")
        .containsEntry("reason", "already belongs to another Skillway account");
  }

  @Test
  void ndjsonRowsAreCheckedOneByOneAndABrokenLineDoesNotStopTheRest() {
    String ref = "nd-" + UUID.randomUUID();
    String body =
        "{\"studentRef\":\""
            + ref
            + "-1\",\"email\":\""
            + ref
            + "-1@uni.example\",\"stage\":\"SCHOOL_LEAVER\",\"outcode\":\"WA14\","
            + "\"skills\":[{\"skillId\":\"Python\",\"level\":2}]}\n"
            + "{not json at all\n"
            + "\n"
            + "{\"studentRef\":\""
            + ref
            + "-3\",\"email\":\"not-an-address\",\"stage\":\"GRADUATE\",\"outcode\":\"M1\","
            + "\"skills\":[]}\n"
            + "{\"studentRef\":\""
            + ref
            + "-4\",\"email\":\""
            + ref
            + "-4@uni.example\",\"stage\":\"GRADUATE\",\"outcode\":\"M1\",\"skills\":[],"
            + "\"maxCommuteKm\":\"far\"}\n";

    Map<?, ?> report = upload("nd-cohort", NDJSON, body);

    assertThat(report.get("format")).isEqualTo("NDJSON");
    assertThat(report.get("rowsProcessed")).isEqualTo(4);
    assertThat(report.get("rowsAccepted")).isEqualTo(1);
    assertThat(report.get("rowsRejected")).isEqualTo(3);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rejected = (List<Map<String, Object>>) report.get("rejected");
    assertThat(rejected)
        .extracting(r -> r.get("line") + " " + r.get("field"))
        .containsExactly("2 line", "4 email", "5 maxCommuteKm");
  }

  @Test
  void aFileWithoutTheRequiredColumnsOrTooLargeIsRefusedWhole() {
    http.post()
        .uri("/api/v1/cohorts/c1/students")
        .header("X-API-Key", UNIVERSITY_KEY)
        .contentType(CSV)
        .bodyValue("studentRef,email\na,b@c.uk\n")
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("header")
        .jsonPath("$.errors[0].reason")
        .isEqualTo("lacks the column(s) outcode, skills, stage");

    http.post()
        .uri("/api/v1/cohorts/c1/students")
        .header("X-API-Key", UNIVERSITY_KEY)
        .contentType(CSV)
        .bodyValue(cohortCsv("big-", 40_000).getBytes(StandardCharsets.UTF_8))
        .exchange()
        .expectStatus()
        .isEqualTo(413)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].reason")
        .isEqualTo("is larger than 3 MB");
  }

  @Test
  void onlyTheUniversityThatUploadedSeesTheReportAndEmployersCannotUpload() {
    Map<?, ?> report =
        upload(
            "private",
            CSV,
            HEADER + "p-" + UUID.randomUUID() + ",p@uni.example,GRADUATE,,,M1,,,\n");
    String uploadId = (String) report.get("uploadId");

    apiKeys
        .register("it-other-university-key", "edge-hill", org.skillway.support.Role.UNIVERSITY)
        .block();
    http.get()
        .uri("/api/v1/cohorts/private/uploads/{id}", uploadId)
        .header("X-API-Key", "it-other-university-key")
        .exchange()
        .expectStatus()
        .isNotFound();
    http.get()
        .uri("/api/v1/cohorts/private/uploads/{id}", uploadId)
        .header("X-API-Key", UNIVERSITY_KEY)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.state")
        .isEqualTo("DONE");
    http.post()
        .uri("/api/v1/cohorts/private/students")
        .header("X-API-Key", EMPLOYER_KEY)
        .contentType(CSV)
        .bodyValue(HEADER)
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  private String operatorToken() {
    return (String)
        http.post()
            .uri("/api/v1/tokens")
            .header("X-API-Key", OPERATOR_KEY)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody()
            .get("accessToken");
  }
}
