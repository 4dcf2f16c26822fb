package org.skillway.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.EnumSource;
import org.junit.jupiter.params.provider.ValueSource;

class EventContractTest {
  private final EventCodec codec = new EventCodec();

  private static EventMetadata metadata(String aggregateId) {
    return new EventMetadata(
        UUID.fromString("11111111-2222-3333-4444-555555555555"),
        Instant.parse("2026-11-28T10:00:00Z"),
        aggregateId,
        1);
  }

  static List<SkillwayEvent> oneOfEachType() {
    return List.of(
        new ProfileSubmitted(
            metadata("p-1"),
            new ProfileData(Pathway.RETRAINER, List.of(new SkillLevel("sql", 4)), "PR1", true)),
        new VacancyPublished(
            metadata("v-1"),
            new VacancyData(
                "acme",
                "Data apprentice",
                VacancyKind.APPRENTICESHIP,
                List.of(new SkillLevel("sql", 2)),
                "LA1",
                LocalDate.parse("2027-03-01"))),
        new MatchFound(
            metadata("p-1:v-1"),
            new MatchData("p-1", "v-1", "acme", "Data apprentice", 100, List.of("sql"), List.of())),
        new MatchUpdated(
            metadata("p-1:v-1"),
            new MatchData(
                "p-1",
                "v-1",
                "acme",
                "Data apprentice",
                55,
                List.of("sql"),
                List.of("python"),
                List.of(new ScorePart("requiredSkills", 30, 60, "meets 1 of 2 required skills")),
                List.of(new TransferableSkill("python", "java", "RELATED")),
                List.of(
                    PathwayStep.role("python", "v-9", "Python apprentice"),
                    PathwayStep.move("python", "shop-supervisor", "data-analyst")),
                "esco-1.2",
                List.of("sql"),
                "Acme Digital")),
        new MatchWithdrawn(
            metadata("p-1:v-1"),
            new MatchClosure(
                "p-1", "v-1", "acme", "Data apprentice", WithdrawalReason.VACANCY_CLOSED)),
        new ProfileErased(metadata("p-3"), new ProfileErasure("ACCOUNT_DELETED")),
        new InvitationIssued(
            metadata("p-4"),
            new Invitation(
                "v1.c2VhbGVkIGFkZHJlc3M",
                "northwest-uni",
                "v1.c2VhbGVkIGxpbms",
                Instant.parse("2026-12-12T10:00:00Z"),
                "University of Central Lancashire")),
        new AccessRevoked(
            metadata("p-5"),
            new Revocation(
                null,
                Instant.parse("2026-11-28T10:00:00Z"),
                Instant.parse("2026-11-28T10:30:00Z"),
                Revocation.Reason.ACCOUNT_DELETED)),
        new ProfileSubmitted(
            metadata("p-2"),
            new ProfileData(
                Pathway.EXPERIENCED,
                List.of(new SkillLevel("java", 5, null, "uclan"), new SkillLevel("sql", 3)),
                "CH1",
                true,
                12,
                WorkMode.HYBRID,
                30,
                55000,
                LocalDate.parse("2027-02-01"),
                false,
                "software-developer")),
        new VacancyPublished(
            metadata("v-2"),
            new VacancyData(
                "acme",
                "Lead engineer",
                VacancyKind.JOB,
                List.of(new SkillLevel("java", 4, 3, null), new SkillLevel("sql", 2)),
                "M1",
                LocalDate.parse("2027-03-01"),
                List.of(new SkillLevel("kotlin", 2)),
                Seniority.SENIOR,
                5,
                WorkMode.REMOTE,
                60000,
                70000,
                null,
                true,
                VacancyStatus.OPEN,
                List.of("PR1", "L1"),
                false,
                "Acme Digital",
                "software-developer")));
  }

  @Test
  void everyEventTypeWritesJsonThatConformsToItsSchemaAndReadsBackEqual() {
    List<SkillwayEvent> events = oneOfEachType();
    assertThat(events).extracting(SkillwayEvent::type).contains(EventType.values());

    for (SkillwayEvent event : events) {
      byte[] wire = codec.encode(event);
      EventSchemas.assertConforms(wire);
      assertThat(codec.decode(wire)).isEqualTo(event);
    }
  }

  /** An erasure's withdrawal broke the schema: its reason was missing from the list. */
  @ParameterizedTest
  @EnumSource(WithdrawalReason.class)
  void everyWithdrawalReasonIsWrittenByItsNameConformsAndReadsBack(WithdrawalReason reason) {
    MatchWithdrawn withdrawn =
        new MatchWithdrawn(
            metadata("p-1:v-1"), new MatchClosure("p-1", "v-1", "acme", "Data apprentice", reason));

    byte[] wire = codec.encode(withdrawn);

    EventSchemas.assertConforms(wire);
    assertThat(new String(wire, StandardCharsets.UTF_8))
        .contains("\"reason\":\"" + reason.name() + "\"");
    assertThat(codec.decode(wire)).isEqualTo(withdrawn);
    assertThat(withdrawn.closure().personErased())
        .isEqualTo(reason == WithdrawalReason.PROFILE_ERASED);
  }

  @Test
  void aWithdrawalReasonOutsideTheListIsRejectedByTheSchemaAndByTheCodec() {
    String json =
        new String(EventSchemas.example("MatchWithdrawn.json"), StandardCharsets.UTF_8)
            .replace("\"VACANCY_CLOSED\"", "\"EMPLOYER_BORED\"");
    byte[] wire = json.getBytes(StandardCharsets.UTF_8);

    assertThat(EventSchemas.violations(wire)).anySatisfy(v -> assertThat(v).contains("reason"));
    assertThatThrownBy(() -> codec.decode(wire))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("EMPLOYER_BORED");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "ProfileSubmitted.json",
        "ProfileErased.json",
        "InvitationIssued.json",
        "AccessRevoked.json",
        "VacancyPublished.json",
        "MatchFound.json",
        "MatchUpdated.json",
        "MatchWithdrawn.json"
      })
  void publishedExamplesConformToTheSchemaAndAreReadByConsumers(String example) {
    byte[] wire = EventSchemas.example(example);

    EventSchemas.assertConforms(wire);
    SkillwayEvent event = codec.decode(wire);

    assertThat(event.type().wireName() + ".json").isEqualTo(example);
    assertThat(event.metadata().aggregateVersion()).isPositive();
  }

  /** Names were added within the schema versions: events written before them still read. */
  @ParameterizedTest
  @CsvSource({
    "VacancyPublished.json, employerName",
    "MatchFound.json, employerName",
    "MatchUpdated.json, employerName",
    "InvitationIssued.json, universityName"
  })
  void anEventWrittenBeforeOrganisationsHadNamesStillConformsAndReadsWithoutAName(
      String example, String field) {
    String named = new String(EventSchemas.example(example), StandardCharsets.UTF_8);
    byte[] older =
        named.replaceAll(",\\s*\"" + field + "\": \"[^\"]*\"", "").getBytes(StandardCharsets.UTF_8);
    assertThat(new String(older, StandardCharsets.UTF_8)).doesNotContain(field);

    EventSchemas.assertConforms(older);
    SkillwayEvent event = codec.decode(older);

    Object payload = event.payload();
    assertThat(payload).hasFieldOrPropertyWithValue(field, null);
    assertThat(codec.decode(EventSchemas.example(example)).payload())
        .isNotEqualTo(payload)
        .hasFieldOrPropertyWithValue(
            field,
            field.equals("universityName")
                ? "University of the North West"
                : "Example Digital Ltd");
  }

  @Test
  void aNameLongerThanTheSchemaAllowsIsRefusedOnBothSides() {
    String json =
        new String(EventSchemas.example("VacancyPublished.json"), StandardCharsets.UTF_8)
            .replace("Example Digital Ltd", "x".repeat(101));
    byte[] wire = json.getBytes(StandardCharsets.UTF_8);

    assertThat(EventSchemas.violations(wire))
        .anySatisfy(v -> assertThat(v).contains("employerName"));
    assertThatThrownBy(() -> codec.decode(wire))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("employerName");
  }

  @Test
  void optionalFieldsAreLeftOutOfTheWireFormRatherThanWrittenAsNull() {
    SkillwayEvent minimal = oneOfEachType().get(0);

    String json = new String(codec.encode(minimal), StandardCharsets.UTF_8);

    assertThat(json).doesNotContain("null").doesNotContain("yearsExperience");
  }

  @Test
  void aVacancyIsOnSiteAndOpenUnlessItSaysOtherwiseAndClosesAfterItsClosingDay() {
    VacancyPublished vacancy = (VacancyPublished) oneOfEachType().get(1);

    assertThat(vacancy.vacancy().workMode()).isEqualTo(WorkMode.ONSITE);
    assertThat(vacancy.vacancy().status()).isEqualTo(VacancyStatus.OPEN);
    assertThat(vacancy.vacancy().isOpenOn(LocalDate.parse("2027-03-01"))).isTrue();
    assertThat(vacancy.vacancy().isOpenOn(LocalDate.parse("2027-03-02"))).isFalse();
  }

  @Test
  void matchEventsAreKeyedByProfileSoOnePersonsMatchesStayInOrder() {
    SkillwayEvent match = codec.decode(EventSchemas.example("MatchFound.json"));

    assertThat(match.key()).isEqualTo("example-profile-1");
    assertThat(match.metadata().aggregateId()).isEqualTo("example-profile-1:example-vacancy-1");
    assertThat(match.type().topic()).isEqualTo(Topic.MATCHES);
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "not json at all|not valid JSON",
        "[1,2]|must be a JSON object",
        "{\"type\":\"ProfileDeleted\",\"schemaVersion\":1}|unknown event type 'ProfileDeleted'",
        "{\"type\":\"ProfileSubmitted\",\"schemaVersion\":2}|unsupported schemaVersion 2",
        "{\"type\":\"ProfileSubmitted\",\"schemaVersion\":1}|payload is required",
      })
  void unreadableEventsAreRejectedWithAReason(String json, String reason) {
    assertThatThrownBy(() -> codec.decode(json.getBytes(StandardCharsets.UTF_8)))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining(reason);
  }

  @Test
  void aPayloadThatBreaksTheContractIsRejectedByTheSchemaAndByTheCodec() {
    String json =
        new String(EventSchemas.example("ProfileSubmitted.json"), StandardCharsets.UTF_8)
            .replace("\"level\": 3", "\"level\": 9");
    byte[] wire = json.getBytes(StandardCharsets.UTF_8);

    assertThat(EventSchemas.violations(wire)).anySatisfy(v -> assertThat(v).contains("level"));
    assertThatThrownBy(() -> codec.decode(wire))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("level must be between 1 and 5");
  }

  @Test
  void aTombstoneIsNotAnEvent() {
    assertThatThrownBy(() -> codec.decode(new byte[0]))
        .isInstanceOf(InvalidEventException.class)
        .hasMessageContaining("empty event");
  }
}
