package org.skillway.ingest.vacancy;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillway.events.SkillLevel;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyKind;
import org.skillway.events.VacancyStatus;
import org.skillway.events.WorkMode;

/** What matching hears of a vacancy is what the employer asked for, and nothing more. */
class VacancyTest {

  private static Vacancy welder(List<String> elsewhere, boolean nationwide) {
    return new Vacancy(
        "Welder",
        VacancyKind.JOB,
        List.of(new Vacancy.Skill("weld-metal", 3, 4), new Vacancy.Skill("read-drawings", 2, null)),
        "PR1",
        LocalDate.of(2027, 3, 1),
        List.of(new Vacancy.Skill("forklift", 1, null)),
        null,
        2,
        WorkMode.ONSITE,
        26_000,
        30_000,
        null,
        false,
        "Welding frames for rail carriages.",
        "advanced manufacturing",
        "welder-occupation",
        2,
        true,
        false,
        null,
        elsewhere,
        nationwide);
  }

  @Test
  void requiredSkillsKeepTheirLevelAndWeightOnTheWayToMatching() {
    VacancyData data =
        welder(List.of("BB1"), false).matchable("acme", VacancyStatus.OPEN, "Acme Fabrication");

    assertThat(data.requiredSkills())
        .containsExactly(
            new SkillLevel("weld-metal", 3, 4, null),
            new SkillLevel("read-drawings", 2, null, null));
    assertThat(data.niceToHaveSkills()).containsExactly(new SkillLevel("forklift", 1, null, null));
    assertThat(data.outcodes()).containsExactly("PR1", "BB1");
    assertThat(data.employerName()).isEqualTo("Acme Fabrication");
    assertThat(data.status()).isEqualTo(VacancyStatus.OPEN);
  }

  @Test
  void skillIdsListRequiredThenNiceToHaveForTheOccupationCheck() {
    assertThat(welder(List.of(), true).skillIds())
        .containsExactly("weld-metal", "read-drawings", "forklift");
  }

  @Test
  void aVacancyWithoutOptionalListsHasEmptyOnes() {
    Vacancy bare =
        new Vacancy(
            "Chef",
            VacancyKind.JOB,
            List.of(new Vacancy.Skill("cook", 3, null)),
            "M1",
            LocalDate.of(2027, 1, 1),
            null,
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            null,
            null,
            null,
            1,
            false,
            false,
            null,
            null,
            true);

    assertThat(bare.niceToHaveSkills()).isEmpty();
    assertThat(bare.additionalOutcodes()).isEmpty();
    assertThat(bare.matchable("acme", VacancyStatus.OPEN, null).nationwide()).isTrue();
  }
}
