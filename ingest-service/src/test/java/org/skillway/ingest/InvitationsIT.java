package org.skillway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skillway.events.EventSchemas;
import org.skillway.events.InvitationIssued;
import org.skillway.events.ProfileSubmitted;
import org.skillway.events.SkillLevel;
import org.skillway.events.Topic;
import org.skillway.infra.TestInfrastructure;
import org.skillway.infra.TopicReader;
import org.skillway.support.InvitationSeal;
import org.skillway.support.SkillwayProperties;
import org.springframework.http.MediaType;

/**
 * Students loaded by a university are never given a password: each is sent an invitation (through
 * Kafka to the notification service) whose link claims the account once.
 */
class InvitationsIT extends IngestItSupport {
  private static final String HEADER = "studentRef,email,stage,outcode,skills\n";
  private static TopicReader invitations;

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

  @Test
  void aLoadedStudentIsSentALinkThatClaimsTheAccountOnceAndSignsThemIn() {
    String ref = "claim-" + UUID.randomUUID();
    String email = ref + "@students.example.ac.uk";
    String profileId = load(ref, email);

    InvitationIssued invitation = invitationTo(profileId, 1);
    InvitationSeal.Opened opened = NOTIFICATION_SEAL.open(invitation);
    assertThat(opened.email()).isEqualTo(email);
    assertThat(opened.universityId()).isEqualTo("uclan");
    assertThat(opened.claimUrl()).startsWith("http://localhost:8080/claim?token=");
    assertThat(invitation.invitation().expiresAt())
        .isBetween(
            Instant.now().plus(Duration.ofDays(13)), Instant.now().plus(Duration.ofDays(15)));
    String token = tokenOf(invitation);

    claim(token, "too short")
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("password");
    Map<?, ?> signedIn =
        claim(token, "correct horse battery staple")
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat(signedIn.get("profileId")).isEqualTo(profileId);

    // The token speaks for the student: their own profile, as the university loaded it.
    http.get()
        .uri("/api/v1/profiles/{id}", profileId)
        .header("Authorization", "Bearer " + signedIn.get("accessToken"))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.profile.skills[0].evidencedBy")
        .isEqualTo("uclan");
    http.post()
        .uri("/api/v1/sessions")
        .bodyValue(Map.of("email", email, "password", "correct horse battery staple"))
        .exchange()
        .expectStatus()
        .isOk();

    // The student adds a skill of their own: Python stays vouched for by the university, SQL is
    // theirs, and matching is told which is which.
    http.put()
        .uri("/api/v1/profiles/{id}", profileId)
        .header("Authorization", "Bearer " + signedIn.get("accessToken"))
        .bodyValue(
            Map.of(
                "pathway",
                "STUDENT",
                "student",
                Map.of("stage", "GRADUATE"),
                "outcode",
                "M1",
                "consentToMatch",
                false,
                "skills",
                List.of(
                    Map.of("skillId", "Python", "level", 2), Map.of("skillId", "SQL", "level", 3))))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.profile.skills[0].evidencedBy")
        .isEqualTo("uclan")
        .jsonPath("$.profile.skills[1].evidencedBy")
        .doesNotExist();
    var second =
        profiles.await(
            r ->
                profileId.equals(r.key())
                    && CODEC.decode(r.value()).metadata().aggregateVersion() == 2,
            Duration.ofSeconds(20));
    assertThat(((ProfileSubmitted) CODEC.decode(second.value())).profile().skills())
        .containsExactly(new SkillLevel(PYTHON, 2, null, "uclan"), new SkillLevel(SQL, 3));

    // The link works once.
    claim(token, "another long password")
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("token");

    // The university loads the student again with a new record: its skills are brought up to
    // date, the student's own skill, place and refusal to be matched stay; no new invitation.
    load(ref, email, "Python:3;Java:2");
    var third =
        profiles.await(
            r ->
                profileId.equals(r.key())
                    && CODEC.decode(r.value()).metadata().aggregateVersion() == 3,
            Duration.ofSeconds(20));
    var reloaded = ((ProfileSubmitted) CODEC.decode(third.value())).profile();
    assertThat(reloaded.skills())
        .containsExactly(
            new SkillLevel(PYTHON, 3, null, "uclan"),
            new SkillLevel(JAVA, 2, null, "uclan"),
            new SkillLevel(SQL, 3));
    assertThat(reloaded.outcode()).isEqualTo("M1");
    assertThat(reloaded.consentToMatch()).isFalse();
    assertThat(invitations.withKey(profileId, Duration.ofSeconds(2))).hasSize(1);
  }

  @Test
  void aUniversityCanSendANewLinkWhichReplacesTheOldOneUntilTheAccountIsClaimed() {
    String ref = "again-" + UUID.randomUUID();
    String profileId = load(ref, ref + "@students.example.ac.uk");
    String first = tokenOf(invitationTo(profileId, 1));

    http.post()
        .uri("/api/v1/cohorts/{cohort}/students/{ref}/invitations", "invites", ref)
        .header("X-API-Key", UNIVERSITY_KEY)
        .exchange()
        .expectStatus()
        .isAccepted()
        .expectBody()
        .jsonPath("$.profileId")
        .isEqualTo(profileId);
    String second = tokenOf(invitationTo(profileId, 2));

    claim(first, "correct horse battery staple").isBadRequest();
    claim(second, "correct horse battery staple").isOk();
    reinvite(ref, UNIVERSITY_KEY).isEqualTo(409);
    reinvite("nobody-" + ref, UNIVERSITY_KEY).isNotFound();
    reinvite(ref, EMPLOYER_KEY).isForbidden();
  }

  @org.springframework.beans.factory.annotation.Autowired
  org.skillway.ingest.account.Invitations invitationsService;

  @Test
  void twoUploadsRacingToCreateTheSameAccountSendOneInvitation() {
    String ref = "race-" + UUID.randomUUID();
    String profileId =
        UUID.nameUUIDFromBytes(("cohort:uclan:" + ref).getBytes(StandardCharsets.UTF_8)).toString();
    var invitee =
        new org.skillway.ingest.account.Invitations.Invitee(
            profileId, ref + "@students.example.ac.uk");

    // Both saw no account; the second insert finds the id taken and sends nothing.
    invitationsService.createAndInvite("uclan", List.of(invitee)).block();
    invitationsService.createAndInvite("uclan", List.of(invitee)).block();

    invitationTo(profileId, 1);
    assertThat(invitations.withKey(profileId, Duration.ofSeconds(2))).hasSize(1);
  }

  @Test
  void aMadeUpTokenClaimsNothing() {
    claim("not-a-real-token", "correct horse battery staple")
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("token")
        .jsonPath("$.errors[0].reason")
        .value(reason -> assertThat((String) reason).startsWith("is not a valid invitation"));
  }

  private String load(String ref, String email) {
    return load(ref, email, "Python:2");
  }

  private String load(String ref, String email, String skills) {
    http.post()
        .uri("/api/v1/cohorts/{cohort}/students", "invites")
        .header("X-API-Key", UNIVERSITY_KEY)
        .contentType(MediaType.parseMediaType("text/csv"))
        .bodyValue(
            (HEADER + ref + "," + email + ",GRADUATE,PR1," + skills + "\n")
                .getBytes(StandardCharsets.UTF_8))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.rowsAccepted")
        .isEqualTo(1);
    return UUID.nameUUIDFromBytes(("cohort:uclan:" + ref).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  private static InvitationIssued invitationTo(String profileId, long number) {
    var record =
        invitations.await(
            r ->
                profileId.equals(r.key())
                    && CODEC.decode(r.value()).metadata().aggregateVersion() == number,
            Duration.ofSeconds(20));
    EventSchemas.assertConforms(record.value());
    return (InvitationIssued) CODEC.decode(record.value());
  }

  @Test
  void whoeverReadsTheInvitationTopicLearnsNeitherTheAddressNorTheClaimToken() {
    String ref = "sealed-" + UUID.randomUUID();
    String email = ref + "@students.example.ac.uk";
    String profileId = load(ref, email);

    var record = invitations.await(r -> profileId.equals(r.key()), Duration.ofSeconds(20));
    String onTheWire = new String(record.value(), StandardCharsets.UTF_8);
    InvitationIssued invitation = (InvitationIssued) CODEC.decode(record.value());
    String token = tokenOf(invitation);

    assertThat(onTheWire).doesNotContain(email).doesNotContain(token).doesNotContain(ref);
    // Without the notification service's key the sealed link cannot be opened.
    InvitationSeal otherKey =
        new InvitationSeal(
            new SkillwayProperties.Security(
                null, UUID.randomUUID() + "-" + UUID.randomUUID(), null, null));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> otherKey.open(invitation))
        .isInstanceOf(IllegalArgumentException.class);
    // A reader who copies a sealed link into another invitation cannot open it either.
    InvitationIssued moved =
        new InvitationIssued(
            new org.skillway.events.EventMetadata(
                UUID.randomUUID(), Instant.now(), "someone-else", 1),
            invitation.invitation());
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> NOTIFICATION_SEAL.open(moved))
        .isInstanceOf(IllegalArgumentException.class);
  }

  /** The notification service's side of the seal: the tests hold the key as it does. */
  private static final InvitationSeal NOTIFICATION_SEAL =
      new InvitationSeal(
          new SkillwayProperties.Security(null, TestInfrastructure.INVITATION_KEY, null, null));

  private static String tokenOf(InvitationIssued invitation) {
    String url = NOTIFICATION_SEAL.open(invitation).claimUrl();
    return url.substring(url.indexOf("?token=") + "?token=".length());
  }

  private org.springframework.test.web.reactive.server.StatusAssertions claim(
      String token, String password) {
    return http.post()
        .uri("/api/v1/account-claims")
        .bodyValue(Map.of("token", token, "password", password))
        .exchange()
        .expectStatus();
  }

  private org.springframework.test.web.reactive.server.StatusAssertions reinvite(
      String ref, String key) {
    return http.post()
        .uri("/api/v1/cohorts/{cohort}/students/{ref}/invitations", "invites", ref)
        .header("X-API-Key", key)
        .exchange()
        .expectStatus();
  }
}
