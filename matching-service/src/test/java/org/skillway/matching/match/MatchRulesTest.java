package org.skillway.matching.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillway.events.MatchData;
import org.skillway.events.Pathway;
import org.skillway.events.ProfileData;
import org.skillway.events.SkillLevel;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyKind;

class MatchRulesTest {
  private static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  private final MatchRules rules = new MatchRules(50);

  private static VacancyData vacancy(LocalDate closing, SkillLevel... required) {
    return new VacancyData(
        "acme", "Data analyst", VacancyKind.JOB, List.of(required), "M1", closing);
  }

  private static ProfileData profile(boolean consent, SkillLevel... skills) {
    return new ProfileData(Pathway.RETRAINER, List.of(skills), "BL1", consent);
  }

  @Test
  void aMatchNamesTheSkillsMetAndTheSkillsMissingInTheVacancysOrder() {
    VacancyData vacancy =
        vacancy(
            TODAY,
            new SkillLevel("sql", 2),
            new SkillLevel("python", 3),
            new SkillLevel("excel", 1));
    ProfileData profile = profile(true, new SkillLevel("excel", 4), new SkillLevel("sql", 2));

    MatchData match = rules.evaluate("p", profile, "v", vacancy, TODAY).orElseThrow();

    assertThat(match)
        .isEqualTo(
            new MatchData(
                "p", "v", "acme", "Data analyst", 67, List.of("sql", "excel"), List.of("python")));
  }

  @Test
  void aSkillBelowTheRequiredLevelCountsAsMissing() {
    SkillOverlap overlap =
        SkillOverlap.of(List.of(new SkillLevel("sql", 1)), List.of(new SkillLevel("sql", 3)));

    assertThat(overlap).isEqualTo(new SkillOverlap(0, List.of(), List.of("sql")));
  }

  @Test
  void aProfileWithNoSkillsScoresZeroAndNeverMatches() {
    assertThat(SkillOverlap.of(List.of(), List.of(new SkillLevel("sql", 1))).score()).isZero();
    assertThat(
            rules.evaluate(
                "p", profile(true), "v", vacancy(TODAY, new SkillLevel("sql", 1)), TODAY))
        .isEmpty();
  }

  @Test
  void withdrawnConsentIsAHardFilterWhateverTheSkills() {
    ProfileData noConsent = profile(false, new SkillLevel("sql", 5));

    assertThat(rules.evaluate("p", noConsent, "v", vacancy(TODAY, new SkillLevel("sql", 1)), TODAY))
        .isEmpty();
  }

  @Test
  void aVacancyClosesAfterItsClosingDay() {
    ProfileData profile = profile(true, new SkillLevel("sql", 5));

    assertThat(rules.evaluate("p", profile, "v", vacancy(TODAY, new SkillLevel("sql", 1)), TODAY))
        .isPresent();
    assertThat(
            rules.evaluate(
                "p", profile, "v", vacancy(TODAY.minusDays(1), new SkillLevel("sql", 1)), TODAY))
        .isEmpty();
  }

  @Test
  void aScoreBelowTheMinimumIsNotAMatch() {
    VacancyData vacancy =
        vacancy(
            TODAY,
            new SkillLevel("sql", 1),
            new SkillLevel("python", 1),
            new SkillLevel("excel", 1));

    assertThat(rules.evaluate("p", profile(true, new SkillLevel("sql", 1)), "v", vacancy, TODAY))
        .isEmpty();
  }
}
