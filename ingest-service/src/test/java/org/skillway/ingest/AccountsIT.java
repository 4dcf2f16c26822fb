package org.skillway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.skillway.events.EventSchemas;
import org.skillway.events.Pathway;
import org.skillway.events.ProfileErased;
import org.skillway.events.ProfileSubmitted;
import org.skillway.events.SkillLevel;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/**
 * Student accounts and their own profiles: registration, sign-in and sign-out, reading, replacing
 * and deleting, the pathways' rules, and who may see what.
 */
class AccountsIT extends IngestItSupport {
  private static final String PASSWORD = "correct horse battery staple";

  @Autowired ReactiveJwtDecoder jwtDecoder;

  private static Map<String, Object> studentProfile(List<Map<String, Object>> skills) {
    Map<String, Object> profile = new HashMap<>();
    profile.put("pathway", "STUDENT");
    profile.put("skills", skills);
    profile.put("outcode", "m14");
    profile.put("consentToMatch", true);
    profile.put(
        "student",
        Map.of(
            "stage",
            "UNDERGRADUATE",
            "course",
            "BSc Computer Science",
            "institution",
            "University of Manchester",
            "graduationDate",
            "2027-07-01"));
    return profile;
  }

  private static Map<String, Object> skill(String id, int level) {
    return Map.of("skillId", id, "level", level);
  }

  private static String newEmail() {
    return "student-" + UUID.randomUUID() + "@example.org";
  }

  private Map<?, ?> register(String email, Map<String, Object> profile) {
    return http.post()
        .uri("/api/v1/accounts")
        .bodyValue(Map.of("email", email, "password", PASSWORD, "profile", profile))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  private Map<?, ?> registerStudent() {
    return register(newEmail(), studentProfile(List.of(skill("Python", 3))));
  }

  private static String bearer(Map<?, ?> registered) {
    return "Bearer " + registered.get("accessToken");
  }

  @Test
  void registeringCreatesTheAccountPublishesTheProfileAndSignsThePersonIn() {
    String email = "Sam.Taylor+" + UUID.randomUUID() + "@Example.org";
    Map<String, Object> profile =
        studentProfile(
            List.of(
                Map.of("skillId", "nursing and midwifery", "level", 4, "years", 2),
                skill("http://data.europa.eu/esco/" + PYTHON, 1)));
    profile.put("qualifications", List.of(Map.of("title", "A level Biology", "rqfLevel", 3)));
    profile.put("desiredSectors", List.of("Health", "digital"));
    profile.put("adjustments", "Screen reader");

    var answer =
        http.post()
            .uri("/api/v1/accounts")
            .bodyValue(Map.of("email", email, "password", PASSWORD, "profile", profile))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectHeader()
            .valueMatches("Location", "/api/v1/profiles/[0-9a-f-]{36}")
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    String profileId = (String) answer.get("profileId");

    ConsumerRecord<String, byte[]> record =
        profiles.await(r -> profileId.equals(r.key()), Duration.ofSeconds(10));
    EventSchemas.assertConforms(record.value());
    ProfileSubmitted event = (ProfileSubmitted) CODEC.decode(record.value());
    assertThat(event.profile().pathway()).isEqualTo(Pathway.STUDENT);
    assertThat(event.profile().outcode()).isEqualTo("M14");
    assertThat(event.profile().skills())
        .containsExactly(new SkillLevel(NURSING, 4), new SkillLevel(PYTHON, 1));
    String wire = new String(record.value(), java.nio.charset.StandardCharsets.UTF_8);
    assertThat(wire).doesNotContain("example.org").doesNotContain("Screen reader");

    Jwt token = jwtDecoder.decode((String) answer.get("accessToken")).block();
    assertThat(token.getSubject()).isEqualTo(profileId);
    assertThat(token.getClaimAsString("role")).isEqualTo("STUDENT");
    assertThat(answer.get("tokenType")).isEqualTo("Bearer");

    http.get()
        .uri("/api/v1/profiles/{id}", profileId)
        .header("Authorization", bearer(answer))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.version")
        .isEqualTo(1)
        .jsonPath("$.profile.skills[0].label")
        .isEqualTo("nursing and midwifery")
        .jsonPath("$.profile.skills[0].years")
        .isEqualTo(2)
        .jsonPath("$.profile.skills[0].evidencedBy")
        .doesNotExist()
        .jsonPath("$.profile.student.course")
        .isEqualTo("BSc Computer Science")
        .jsonPath("$.profile.desiredSectors")
        .isEqualTo(List.of("health", "digital"))
        .jsonPath("$.profile.inclusion.adjustments")
        .isEqualTo("Screen reader");
  }

  @Test
  void anEmailAddressCanHoldOneAccountWhateverItsCase() {
    String email = newEmail();
    register(email, studentProfile(List.of(skill("Python", 3))));

    http.post()
        .uri("/api/v1/accounts")
        .bodyValue(
            Map.of(
                "email",
                email.toUpperCase(java.util.Locale.ROOT),
                "password",
                PASSWORD,
                "profile",
                studentProfile(List.of(skill("SQL", 2)))))
        .exchange()
        .expectStatus()
        .isEqualTo(409)
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("email")
        .jsonPath("$.errors[0].reason")
        .isEqualTo("is already registered");
  }

  @Test
  void aShortPasswordAndABadAddressAreNamed() {
    http.post()
        .uri("/api/v1/accounts")
        .bodyValue(
            Map.of(
                "email",
                "not an address",
                "password",
                "hunter2",
                "profile",
                studentProfile(List.of(skill("Python", 3)))))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("email", "password"))
        .jsonPath("$.errors[1].reason")
        .isEqualTo("must be 12 to 128 characters; three random words make a strong one");
  }

  @Test
  void signingInWithTheRightPasswordGivesATokenAndAWrongOneTellsNothing() {
    String email = newEmail();
    Map<?, ?> registered = register(email, studentProfile(List.of(skill("Python", 3))));

    http.post()
        .uri("/api/v1/sessions")
        .bodyValue(
            Map.of("email", " " + email.toUpperCase(java.util.Locale.ROOT), "password", PASSWORD))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.subject")
        .isEqualTo(registered.get("profileId"))
        .jsonPath("$.role")
        .isEqualTo("STUDENT");

    for (Map<String, String> wrong :
        List.of(
            Map.of("email", email, "password", "wrong horse battery staple"),
            Map.of("email", newEmail(), "password", PASSWORD))) {
      http.post()
          .uri("/api/v1/sessions")
          .bodyValue(wrong)
          .exchange()
          .expectStatus()
          .isUnauthorized()
          .expectBody()
          .jsonPath("$.detail")
          .isEqualTo("The e-mail address or the password is wrong.");
    }
  }

  @Test
  void anAccountThatKeepsGettingThePasswordWrongIsToldToWait() {
    String email = newEmail();
    register(email, studentProfile(List.of(skill("Python", 3))));
    Map<String, String> wrong = Map.of("email", email, "password", "wrong horse battery staple");
    for (int attempt = 0; attempt < 10; attempt++) {
      http.post()
          .uri("/api/v1/sessions")
          .bodyValue(wrong)
          .exchange()
          .expectStatus()
          .isUnauthorized();
    }

    http.post()
        .uri("/api/v1/sessions")
        .bodyValue(Map.of("email", email, "password", PASSWORD))
        .exchange()
        .expectStatus()
        .isEqualTo(429)
        .expectHeader()
        .exists("Retry-After")
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.detail")
        .isEqualTo("Too many sign-in attempts for this account; try again later.");
  }

  @Test
  void signingOutMakesThisServiceRefuseTheToken() {
    Map<?, ?> registered = registerStudent();
    String profileUri = "/api/v1/profiles/" + registered.get("profileId");
    http.get()
        .uri(profileUri)
        .header("Authorization", bearer(registered))
        .exchange()
        .expectStatus()
        .isOk();

    http.delete()
        .uri("/api/v1/sessions/current")
        .header("Authorization", bearer(registered))
        .exchange()
        .expectStatus()
        .isNoContent();

    http.get()
        .uri(profileUri)
        .header("Authorization", bearer(registered))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void aStudentReadsAndReplacesTheirOwnProfileOnlyAndEachChangeIsANewVersion() {
    Map<?, ?> sam = registerStudent();
    Map<?, ?> alex = registerStudent();
    String samId = (String) sam.get("profileId");
    Map<String, Object> changed = studentProfile(List.of(skill("Python", 4), skill("SQL", 2)));

    http.put()
        .uri("/api/v1/profiles/{id}", samId)
        .header("Authorization", bearer(sam))
        .bodyValue(changed)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.version")
        .isEqualTo(2);
    ProfileSubmitted second =
        (ProfileSubmitted)
            CODEC.decode(
                profiles
                    .await(
                        r ->
                            samId.equals(r.key())
                                && CODEC.decode(r.value()).metadata().aggregateVersion() == 2,
                        Duration.ofSeconds(10))
                    .value());
    assertThat(second.profile().skills())
        .containsExactly(new SkillLevel(PYTHON, 4), new SkillLevel(SQL, 2));

    http.get()
        .uri("/api/v1/profiles/{id}", samId)
        .header("Authorization", bearer(alex))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    http.put()
        .uri("/api/v1/profiles/{id}", samId)
        .header("Authorization", bearer(alex))
        .bodyValue(changed)
        .exchange()
        .expectStatus()
        .isForbidden();
    http.delete()
        .uri("/api/v1/profiles/{id}", samId)
        .header("Authorization", bearer(alex))
        .exchange()
        .expectStatus()
        .isForbidden();
    http.get().uri("/api/v1/profiles/{id}", samId).exchange().expectStatus().isUnauthorized();
    http.get()
        .uri("/api/v1/profiles/{id}", samId)
        .header("X-API-Key", EMPLOYER_KEY)
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void deletingTheAccountErasesTheProfileEverywhereAndSignInStops() {
    String email = newEmail();
    Map<?, ?> registered = register(email, studentProfile(List.of(skill("Python", 3))));
    String profileId = (String) registered.get("profileId");

    http.delete()
        .uri("/api/v1/profiles/{id}", profileId)
        .header("Authorization", bearer(registered))
        .exchange()
        .expectStatus()
        .isNoContent();

    ConsumerRecord<String, byte[]> record =
        profiles.await(
            r -> profileId.equals(r.key()) && CODEC.decode(r.value()) instanceof ProfileErased,
            Duration.ofSeconds(10));
    EventSchemas.assertConforms(record.value());
    ProfileErased erased = (ProfileErased) CODEC.decode(record.value());
    assertThat(erased.metadata().aggregateVersion()).isEqualTo(2);
    assertThat(erased.erasure().reason()).isEqualTo("ACCOUNT_DELETED");

    // The account's tokens are revoked with it, in every service.
    http.get()
        .uri("/api/v1/profiles/{id}", profileId)
        .header("Authorization", bearer(registered))
        .exchange()
        .expectStatus()
        .isUnauthorized();
    http.post()
        .uri("/api/v1/sessions")
        .bodyValue(Map.of("email", email, "password", PASSWORD))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void eachPathwayNeedsItsOwnFields() {
    Map<String, Object> experienced = studentProfile(List.of(skill("Java", 5)));
    experienced.put("pathway", "EXPERIENCED");
    experienced.put("yearsExperience", 3);
    experienced.put("experienced", Map.of("seniority", "SENIOR"));

    http.post()
        .uri("/api/v1/accounts")
        .bodyValue(Map.of("email", newEmail(), "password", PASSWORD, "profile", experienced))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[*].field")
        .isEqualTo(List.of("profile.student", "profile.yearsExperience"))
        .jsonPath("$.errors[0].reason")
        .isEqualTo("belongs to the student pathway, not experienced")
        .jsonPath("$.errors[1].reason")
        .isEqualTo(
            "must be 5 or more for the experienced pathway; with fewer, choose the retrainer or"
                + " student pathway");

    Map<String, Object> retrainer = studentProfile(List.of(skill("Java", 2)));
    retrainer.put("pathway", "RETRAINER");
    retrainer.remove("student");
    retrainer.put("retrainer", Map.of("occupation", "shop asistant", "willingToTrain", true));
    http.post()
        .uri("/api/v1/accounts")
        .bodyValue(Map.of("email", newEmail(), "password", PASSWORD, "profile", retrainer))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("profile.retrainer.occupation")
        .jsonPath("$.errors[0].suggestions[0].label")
        .isEqualTo("shop assistant");

    retrainer.put("retrainer", Map.of("occupation", "shop assistant", "willingToTrain", true));
    Map<?, ?> registered = register(newEmail(), retrainer);
    http.get()
        .uri("/api/v1/profiles/{id}", registered.get("profileId"))
        .header("Authorization", bearer(registered))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.profile.retrainer.occupationLabel")
        .isEqualTo("shop assistant")
        .jsonPath("$.profile.retrainer.occupationId")
        .value(id -> assertThat((String) id).startsWith("occupation/"));
  }

  @Test
  void theSameSkillUnderTwoNamesIsNamedWithItsPosition() {
    expectProfileProblem(
        studentProfile(List.of(skill("java", 2), skill(JAVA, 3))),
        "profile.skills[1].skillId",
        "names the same skill as skills[0] ('Java (computer programming)')");
  }

  @Test
  void anUnknownSkillIsRefusedWithTheNearestEscoSkillsToTry() {
    http.post()
        .uri("/api/v1/accounts")
        .bodyValue(
            Map.of(
                "email",
                newEmail(),
                "password",
                PASSWORD,
                "profile",
                studentProfile(List.of(skill("Pythn", 2)))))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("profile.skills[0].skillId")
        .jsonPath("$.errors[0].reason")
        .isEqualTo(
            "'Pythn' is not a skill in the ESCO taxonomy; did you mean 'Python (computer"
                + " programming)'?")
        .jsonPath("$.errors[0].suggestions[0].value")
        .isEqualTo(PYTHON)
        .jsonPath("$.errors[0].suggestions[0].label")
        .isEqualTo("Python (computer programming)");
  }

  @Test
  void anOutcodeThatDoesNotExistIsRefused() {
    Map<String, Object> profile = studentProfile(List.of(skill("Python", 2)));
    profile.put("outcode", "ZZ9");
    expectProfileProblem(
        profile,
        "profile.outcode",
        "'ZZ9' is not a known UK postcode outcode (the part before the space)");
  }

  private void expectProfileProblem(Map<String, Object> profile, String field, String reason) {
    http.post()
        .uri("/api/v1/accounts")
        .bodyValue(Map.of("email", newEmail(), "password", PASSWORD, "profile", profile))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo(field)
        .jsonPath("$.errors[0].reason")
        .isEqualTo(reason);
  }
}
