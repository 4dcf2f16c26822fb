package org.skillway.matching.match;

import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.skillway.events.Pathway;
import org.skillway.events.ProfileData;
import org.skillway.events.SkillLevel;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyKind;
import org.skillway.events.VacancyStatus;
import org.skillway.events.WorkMode;

/** A small, hand-made taxonomy and place list: enough to reason about each scoring rule by hand. */
final class Fixtures {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);

  /**
   * programming > java, programming > python; data analysis ~ sql (related); welding alone.
   * Broader/narrower in both directions.
   */
  static final SkillGraph GRAPH =
      new SkillGraph() {
        private final Map<String, Set<String>> broader =
            Map.of("java", Set.of("programming"), "python", Set.of("programming"));
        private final Map<String, Set<String>> narrower =
            Map.of("programming", Set.of("java", "python"));
        private final Map<String, Set<String>> related =
            Map.of("sql", Set.of("data analysis"), "data analysis", Set.of("sql"));

        @Override
        public Set<String> broader(String id) {
          return broader.getOrDefault(id, Set.of());
        }

        @Override
        public Set<String> narrower(String id) {
          return narrower.getOrDefault(id, Set.of());
        }

        @Override
        public Set<String> related(String id) {
          return related.getOrDefault(id, Set.of());
        }

        @Override
        public String version() {
          return "test-1";
        }
      };

  /** Outcodes on a line, 10 km apart: M1 at 0, M2 at 10, ..., and CA1 at 200 km. */
  static final Distances DISTANCES =
      (from, to) -> {
        Map<String, Integer> km = Map.of("M1", 0, "M2", 10, "M3", 20, "M5", 40, "CA1", 200);
        return km.containsKey(from) && km.containsKey(to)
            ? OptionalDouble.of(Math.abs(km.get(from) - km.get(to)))
            : OptionalDouble.empty();
      };

  static final Weights WEIGHTS = new Weights(50, 10, 10, 10, 10, 5, 5, 10);

  static final ScoringPolicy POLICY =
      new ScoringPolicy(
          Map.of(
              Pathway.STUDENT, WEIGHTS, Pathway.RETRAINER, WEIGHTS, Pathway.EXPERIENCED, WEIGHTS),
          30,
          40,
          5);

  static SkillLevel skill(String id, int level) {
    return new SkillLevel(id, level);
  }

  static ProfileData profile(Pathway pathway, String outcode, SkillLevel... skills) {
    return new ProfileData(pathway, List.of(skills), outcode, true);
  }

  static VacancyData job(String outcode, WorkMode mode, SkillLevel... required) {
    return new VacancyData(
        "acme",
        "Analyst",
        VacancyKind.JOB,
        List.of(required),
        outcode,
        TODAY.plusDays(30),
        List.of(),
        null,
        null,
        mode,
        null,
        null,
        null,
        false,
        VacancyStatus.OPEN);
  }

  /** The same role, offered in other places too, or anywhere in the UK. */
  static VacancyData elsewhere(VacancyData v, boolean nationwide, String... moreOutcodes) {
    return copy(v, v.requiredSkills(), List.of(moreOutcodes), nationwide);
  }

  /** The same role with other required skills and places. */
  static VacancyData copy(
      VacancyData v, List<SkillLevel> required, List<String> moreOutcodes, boolean nationwide) {
    return new VacancyData(
        v.employerId(),
        v.title(),
        v.kind(),
        required,
        v.outcode(),
        v.closingDate(),
        v.niceToHaveSkills(),
        v.level(),
        v.minYears(),
        v.workMode(),
        v.salaryMin(),
        v.salaryMax(),
        v.startDate(),
        v.deviceProvided(),
        v.status(),
        moreOutcodes,
        nationwide,
        v.employerName(),
        v.occupation());
  }

  /** The same vacancy as an instance of this occupation. */
  static VacancyData withOccupation(VacancyData v, String occupation) {
    return new VacancyData(
        v.employerId(),
        v.title(),
        v.kind(),
        v.requiredSkills(),
        v.outcode(),
        v.closingDate(),
        v.niceToHaveSkills(),
        v.level(),
        v.minYears(),
        v.workMode(),
        v.salaryMin(),
        v.salaryMax(),
        v.startDate(),
        v.deviceProvided(),
        v.status(),
        v.additionalOutcodes(),
        v.nationwide(),
        v.employerName(),
        occupation);
  }

  /** The same person, naming this occupation. */
  static ProfileData withOccupation(ProfileData p, String occupation) {
    return with(p, p.skills(), occupation);
  }

  /** The same person with these skills instead. */
  static ProfileData withSkills(ProfileData p, List<SkillLevel> skills) {
    return with(p, skills, p.occupation());
  }

  private static ProfileData with(ProfileData p, List<SkillLevel> skills, String occupation) {
    return new ProfileData(
        p.pathway(),
        skills,
        p.outcode(),
        p.consentToMatch(),
        p.yearsExperience(),
        p.workMode(),
        p.maxCommuteKm(),
        p.salaryExpectation(),
        p.availableFrom(),
        p.needsDevice(),
        occupation);
  }

  private Fixtures() {}
}
