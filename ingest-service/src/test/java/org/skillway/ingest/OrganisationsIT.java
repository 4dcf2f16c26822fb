package org.skillway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skillway.events.EventSchemas;
import org.skillway.events.InvitationIssued;
import org.skillway.events.Topic;
import org.skillway.events.VacancyPublished;
import org.skillway.infra.TestInfrastructure;
import org.skillway.infra.TopicReader;
import org.skillway.ingest.organisation.Organisations;
import org.skillway.support.IdentityTokens;
import org.skillway.support.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.MediaType;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Employers and universities name themselves, and people see that name instead of an id: on the web
 * pages (through {@link Organisations}) and in the events whose e-mails name them.
 */
class OrganisationsIT extends IngestItSupport {
  private static TopicReader invitations;

  @Autowired Organisations organisations;
  @Autowired IdentityTokens tokens;

  @BeforeAll
  static void readInvitations() {
    invitations =
        new TopicReader(
            TestInfrastructure.shared().kafkaBootstrapServers(), Topic.INVITATIONS.topicName());
  }

  @AfterAll
  static void stopReading() {
    invitations.close();
  }

  /** A fresh organisation with a key of its own, so that no other test's name is in the way. */
  private String keyOf(String ownerId, Role role) {
    String key = "it-org-" + UUID.randomUUID();
    apiKeys.register(key, ownerId, role).block();
    return key;
  }

  private WebTestClient.ResponseSpec rename(String key, String body) {
    return http.put()
        .uri("/api/v1/organisation")
        .header("X-API-Key", key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange();
  }

  @Test
  void anEmployerSetsItsDisplayNameTrimmedAndSeesItWhereItsIdWouldHaveBeen() {
    // Given an employer that has not named itself
    String owner = "org-employer-" + UUID.randomUUID();
    String key = keyOf(owner, Role.EMPLOYER);
    http.get()
        .uri("/api/v1/organisation")
        .header("X-API-Key", key)
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo(owner)
        .jsonPath("$.role")
        .isEqualTo("EMPLOYER")
        .jsonPath("$.displayName")
        .doesNotExist();
    assertThat(organisations.displayName(owner).block()).isEqualTo("An employer");

    // When it sets a name, with spaces around it
    Map<?, ?> renamed =
        rename(key, "{\"displayName\":\"  Acme Digital Ltd  \"}")
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();

    // Then the name is kept trimmed, read back, and shown instead of the id
    assertThat(renamed)
        .isEqualTo(Map.of("id", owner, "role", "EMPLOYER", "displayName", "Acme Digital Ltd"));
    Map<?, ?> read =
        http.get()
            .uri("/api/v1/organisation")
            .header("X-API-Key", key)
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat(read).isEqualTo(renamed);
    assertThat(organisations.displayName(owner).block()).isEqualTo("Acme Digital Ltd");

    // And a second name replaces the first; a bearer token from the key works as the key does
    String token =
        (String)
            http.post()
                .uri("/api/v1/tokens")
                .header("X-API-Key", key)
                .exchange()
                .expectStatus()
                .isOk()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("accessToken");
    http.put()
        .uri("/api/v1/organisation")
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"displayName\":\"Acme Digital\"}")
        .exchange()
        .expectStatus()
        .isOk();
    assertThat(organisations.displayName(owner).block()).isEqualTo("Acme Digital");
  }

  @Test
  void anOrganisationWithoutANameIsShownInNeutralWordsNeverByItsId() {
    // Given a named university, an unnamed one, an unnamed employer and an id nobody owns
    String named = "org-uni-" + UUID.randomUUID();
    rename(keyOf(named, Role.UNIVERSITY), "{\"displayName\":\"University of Central Lancashire\"}")
        .expectStatus()
        .isOk();
    String university = "org-uni-" + UUID.randomUUID();
    keyOf(university, Role.UNIVERSITY);
    String employer = "org-employer-" + UUID.randomUUID();
    keyOf(employer, Role.EMPLOYER);
    String nobody = "org-nobody-" + UUID.randomUUID();

    // When the web pages ask for their names, one by one and all at once
    Map<String, String> names =
        organisations.displayNames(List.of(named, university, employer, nobody, named)).block();

    // Then each has words a person can read, in the order asked, and no id among them
    assertThat(names)
        .containsExactly(
            Map.entry(named, "University of Central Lancashire"),
            Map.entry(university, "A university"),
            Map.entry(employer, "An employer"),
            Map.entry(nobody, "An organisation"));
    assertThat(organisations.displayName(university).block()).isEqualTo("A university");
    assertThat(organisations.displayName(nobody, Role.EMPLOYER).block()).isEqualTo("An employer");
    assertThat(organisations.displayName(named, Role.UNIVERSITY).block())
        .isEqualTo("University of Central Lancashire");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "blank                | {\"displayName\":\"   \"}                 | displayName | is required: 1 to 100 characters",
        "missing              | {}                                     | displayName | is required: 1 to 100 characters",
        "null                 | {\"displayName\":null}                  | displayName | is required: 1 to 100 characters",
        "a number             | {\"displayName\":42}                    | displayName | ",
        "a formula            | {\"displayName\":\" =HYPERLINK(1)\"}      | displayName | must not start with =, +, -, @, a tab or a carriage return, which spreadsheets run as formulas",
        "a control character  | {\"displayName\":\"Acme\\u0000 Ltd\"}    | displayName | must not contain control characters (such as NUL) or invisible formatting characters",
        "a line break         | {\"displayName\":\"Acme\\nLtd\"}         | displayName | must not contain control characters (such as NUL) or invisible formatting characters",
        "a hidden override    | {\"displayName\":\"Acme\\u202e Ltd\"}    | displayName | must not contain control characters (such as NUL) or invisible formatting characters",
        "an unknown field     | {\"displayName\":\"Acme\",\"id\":\"x\"}   | id          | "
      })
  void aNameThatCannotBeShownIsRefusedNamingTheFieldAndTheOldNameStays(
      String what, String body, String field, String reason) {
    // Given an employer with a name
    String owner = "org-employer-" + UUID.randomUUID();
    String key = keyOf(owner, Role.EMPLOYER);
    rename(key, "{\"displayName\":\"Acme Digital\"}").expectStatus().isOk();

    // When it sends a name that breaks a rule
    var problem =
        rename(key, body)
            .expectStatus()
            .isBadRequest()
            .expectHeader()
            .contentType(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody()
            .jsonPath("$.errors[0].field")
            .isEqualTo(field);
    if (reason != null) {
      problem.jsonPath("$.errors[0].reason").isEqualTo(reason);
    }

    // Then nothing changed
    assertThat(organisations.displayName(owner).block()).isEqualTo("Acme Digital");
  }

  @Test
  void aNameOfAHundredCharactersIsKeptAndOneLongerIsRefused() {
    String key = keyOf("org-employer-" + UUID.randomUUID(), Role.EMPLOYER);
    String hundred = "A".repeat(100);

    rename(key, "{\"displayName\":\"" + hundred + " \"}")
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.displayName")
        .isEqualTo(hundred);
    rename(key, "{\"displayName\":\"" + hundred + "B\"}")
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("displayName")
        .jsonPath("$.errors[0].reason")
        .isEqualTo("must be at most 100 characters");
  }

  @Test
  void onlyAnEmployerOrAUniversityHasAnOrganisation() {
    String body = "{\"displayName\":\"Not mine\"}";
    // An operator's key
    for (String method : List.of("GET", "PUT")) {
      http.method(org.springframework.http.HttpMethod.valueOf(method))
          .uri("/api/v1/organisation")
          .header("X-API-Key", OPERATOR_KEY)
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(body)
          .exchange()
          .expectStatus()
          .isForbidden();
      // A student's token
      http.method(org.springframework.http.HttpMethod.valueOf(method))
          .uri("/api/v1/organisation")
          .headers(h -> h.setBearerAuth(tokens.issue("p-" + UUID.randomUUID(), Role.STUDENT)))
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(body)
          .exchange()
          .expectStatus()
          .isForbidden();
      // Nobody at all
      http.method(org.springframework.http.HttpMethod.valueOf(method))
          .uri("/api/v1/organisation")
          .contentType(MediaType.APPLICATION_JSON)
          .bodyValue(body)
          .exchange()
          .expectStatus()
          .isUnauthorized();
    }
    assertThat(organisations.displayName("ops").block()).isNotEqualTo("Not mine");
  }

  @Test
  void aVacancyIsPublishedNamingItsEmployer() {
    // Given an employer that has named itself
    String owner = "org-employer-" + UUID.randomUUID();
    String key = keyOf(owner, Role.EMPLOYER);
    rename(key, "{\"displayName\":\"Preston Robotics\"}").expectStatus().isOk();

    // When it posts a vacancy
    String vacancyId =
        (String)
            http.post()
                .uri("/api/v1/vacancies")
                .header("X-API-Key", key)
                .bodyValue(IngestApiIT.validVacancy())
                .exchange()
                .expectStatus()
                .isCreated()
                .expectBody(Map.class)
                .returnResult()
                .getResponseBody()
                .get("vacancyId");

    // Then the event matching reads carries the name, as the schema describes it
    var record = vacancies.await(r -> vacancyId.equals(r.key()), Duration.ofSeconds(20));
    EventSchemas.assertConforms(record.value());
    VacancyPublished published = (VacancyPublished) CODEC.decode(record.value());
    assertThat(published.vacancy().employerId()).isEqualTo(owner);
    assertThat(published.vacancy().employerName()).isEqualTo("Preston Robotics");
  }

  @Test
  void anInvitationNamesTheUniversityByItsDisplayNameAndAnUnnamedOneByNone() {
    // Given a named university and an unnamed one, each loading a new student
    String named = "org-uni-" + UUID.randomUUID();
    String namedKey = keyOf(named, Role.UNIVERSITY);
    rename(namedKey, "{\"displayName\":\"University of Cumbria\"}").expectStatus().isOk();
    String unnamed = "org-uni-" + UUID.randomUUID();
    String fromNamed = load(named, namedKey);
    String fromUnnamed = load(unnamed, keyOf(unnamed, Role.UNIVERSITY));

    // Then each invitation on the topic names its university as it is named, or not at all
    assertThat(invitationTo(fromNamed).invitation().universityName())
        .isEqualTo("University of Cumbria");
    assertThat(invitationTo(fromUnnamed).invitation().universityName()).isNull();
  }

  /** Loads one new student as this university; returns their profile id. */
  private String load(String university, String universityKey) {
    String ref = "org-" + UUID.randomUUID();
    String csv =
        "studentRef,email,stage,outcode,skills\n"
            + ref
            + ","
            + ref
            + "@students.example.ac.uk,UNDERGRADUATE,PR1,Python:2\n";
    http.post()
        .uri("/api/v1/cohorts/{cohort}/students", "org-cohort-" + UUID.randomUUID())
        .header("X-API-Key", universityKey)
        .contentType(MediaType.parseMediaType("text/csv"))
        .bodyValue(csv.getBytes(StandardCharsets.UTF_8))
        .exchange()
        .expectStatus()
        .isCreated();
    return UUID.nameUUIDFromBytes(
            ("cohort:" + university + ":" + ref).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private static InvitationIssued invitationTo(String profileId) {
    var record = invitations.await(r -> profileId.equals(r.key()), Duration.ofSeconds(20));
    EventSchemas.assertConforms(record.value());
    return (InvitationIssued) CODEC.decode(record.value());
  }
}
