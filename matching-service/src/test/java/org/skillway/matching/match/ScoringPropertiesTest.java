package org.skillway.matching.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skillway.matching.match.Fixtures.DISTANCES;
import static org.skillway.matching.match.Fixtures.GRAPH;
import static org.skillway.matching.match.Fixtures.POLICY;
import static org.skillway.matching.match.Fixtures.TODAY;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Consumer;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Assume;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.Tuple;
import net.jqwik.api.constraints.IntRange;
import net.jqwik.api.statistics.Statistics;
import net.jqwik.api.statistics.StatisticsCoverage;
import org.skillway.events.Pathway;
import org.skillway.events.ProfileData;
import org.skillway.events.ScorePart;
import org.skillway.events.Seniority;
import org.skillway.events.SkillLevel;
import org.skillway.events.TransferableSkill;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyKind;
import org.skillway.events.VacancyStatus;
import org.skillway.events.WorkMode;

/**
 * Rules of {@link Scorer} that hold for every profile and vacancy, checked on random ones over the
 * {@link Fixtures} skill graph and places. An outcode the distance table does not know ("LS1") is
 * generated too, so the "distance unknown" branches are exercised.
 */
class ScoringPropertiesTest {
  private static final List<String> SKILLS =
      List.of("java", "python", "programming", "sql", "data analysis", "welding");
  private static final List<String> OUTCODES = List.of("M1", "M2", "M3", "M5", "CA1", "LS1");

  // Cases each property must see often enough, so a generator change cannot quietly stop testing
  // them.
  private static final String FILTERED = "hard-filtered";
  private static final String MATCHED_BEFORE = "matched before";
  private static final String MATCHED_AFTER = "matched only after";
  private static final String NO_MATCH = "no match";
  private static final String MATCH = "match";
  private static final String MATCH_WITH_TRANSFERABLE = "match with transferable skills";

  private final Scorer scorer = new Scorer(POLICY, DISTANCES);

  /** A person never sees a score below 0 or above 100. */
  @Property
  void theScoreIsAlwaysBetweenZeroAndAHundred(
      @ForAll("profiles") ProfileData profile, @ForAll("vacancies") VacancyData vacancy) {
    assess(profile, vacancy)
        .ifPresent(assessment -> assertThat(assessment.score()).isBetween(0, 100));
  }

  /**
   * An employer who adds a required skill the person has, at or below the person's level, never
   * pushes that person down: their score does not drop and a match is not lost.
   */
  @Property
  void addingARequiredSkillThePersonHasNeverLowersTheScore(
      @ForAll("profilesWithSkills") ProfileData profile,
      @ForAll("vacancies") VacancyData vacancy,
      @ForAll @IntRange(min = 0, max = 99) int pick,
      @ForAll @IntRange(min = SkillLevel.MIN_LEVEL, max = SkillLevel.MAX_LEVEL) int askedLevel) {
    List<SkillLevel> notYetRequired =
        profile.skills().stream()
            .filter(
                have ->
                    vacancy.requiredSkills().stream()
                        .noneMatch(need -> need.skillId().equals(have.skillId())))
            .toList();
    Assume.that(!notYetRequired.isEmpty());
    SkillLevel have = notYetRequired.get(pick % notYetRequired.size());
    SkillLevel asked = new SkillLevel(have.skillId(), Math.min(askedLevel, have.level()));
    List<SkillLevel> required = new ArrayList<>(vacancy.requiredSkills());
    required.add(asked);
    VacancyData asksMore = withRequired(vacancy, required);

    Optional<Assessment> before = assess(profile, vacancy);
    Optional<Assessment> after = assess(profile, asksMore);

    boolean filtered = hardFiltered(profile, vacancy);
    String kind = filtered ? FILTERED : before.isPresent() ? MATCHED_BEFORE : MATCHED_AFTER;
    Statistics.collect(kind);
    Statistics.coverage(generatesEach(FILTERED, MATCHED_BEFORE, MATCHED_AFTER));
    if (filtered) {
      assertThat(before).isEmpty();
      assertThat(after).isEmpty();
    } else if (before.isPresent()) {
      assertThat(after).isPresent();
      assertThat(after.get().score()).isGreaterThanOrEqualTo(before.get().score());
    } else {
      // No match before only because no required skill was reached; now one is, exactly.
      assertThat(after).isPresent();
    }
  }

  /**
   * What a person is shown adds up: the parts' points sum to the score, each part stays within its
   * maximum, the ranking score is the explained score, and the matched and missing skills together
   * are exactly the required ones, with every transferable skill among the missing.
   */
  @Property
  void theExplanationAlwaysAgreesWithTheScore(
      @ForAll("profiles") ProfileData profile, @ForAll("vacancies") VacancyData vacancy) {
    SkillReach reach = SkillReach.of(profile.skills(), GRAPH);
    Optional<Assessment> explained = scorer.assess(profile, reach, vacancy, TODAY);
    OptionalInt ranked = scorer.score(profile, reach, vacancy, TODAY);

    assertThat(ranked.isPresent()).isEqualTo(explained.isPresent());
    Statistics.collect(
        explained.isEmpty()
            ? NO_MATCH
            : explained.get().transferable().isEmpty() ? MATCH : MATCH_WITH_TRANSFERABLE);
    Statistics.coverage(generatesEach(NO_MATCH, MATCH, MATCH_WITH_TRANSFERABLE));
    if (explained.isEmpty()) {
      return;
    }
    Assessment assessment = explained.get();
    assertThat(ranked.getAsInt()).isEqualTo(assessment.score());

    int points = 0;
    int maximum = 0;
    for (ScorePart part : assessment.parts()) {
      assertThat(part.points()).isBetween(0, part.maxPoints());
      points += part.points();
      maximum += part.maxPoints();
    }
    // The parts' points add up to the score, out of about 100 (each maximum is rounded).
    assertThat(points).isEqualTo(assessment.score());
    assertThat(maximum).isBetween(100 - assessment.parts().size(), 100 + assessment.parts().size());
    assertThat(assessment.parts()).extracting(ScorePart::name).doesNotHaveDuplicates();

    List<String> requiredIds = vacancy.requiredSkills().stream().map(SkillLevel::skillId).toList();
    List<String> shown = new ArrayList<>(assessment.matched());
    shown.addAll(assessment.missing());
    assertThat(shown).containsExactlyInAnyOrderElementsOf(requiredIds);
    assertThat(assessment.matched())
        .allSatisfy(
            id -> assertThat(levelOf(profile, id)).isGreaterThanOrEqualTo(asked(vacancy, id)));
    assertThat(assessment.transferable())
        .extracting(TransferableSkill::needed)
        .allSatisfy(id -> assertThat(assessment.missing()).contains(id));
  }

  /** Someone who has listed no skills is never offered a match, whatever else fits. */
  @Property
  void aProfileWithNoSkillsNeverMatches(
      @ForAll("profiles") ProfileData any, @ForAll("vacancies") VacancyData vacancy) {
    ProfileData noSkills = Fixtures.withSkills(any, List.of());
    SkillReach reach = SkillReach.of(noSkills.skills(), GRAPH);

    assertThat(scorer.assess(noSkills, reach, vacancy, TODAY)).isEmpty();
    assertThat(scorer.score(noSkills, reach, vacancy, TODAY)).isEmpty();
  }

  /**
   * A role none of whose required skills the person reaches, not even in part through a related
   * skill, is never a match, however near it is, however well it pays and whatever their pathway.
   */
  @Property
  void withNoRequiredSkillCreditARoleIsNeverAMatch(
      @ForAll("profiles") ProfileData profile, @ForAll("vacancies") VacancyData vacancy) {
    SkillReach reach = SkillReach.of(profile.skills(), GRAPH);
    List<SkillLevel> outOfReach =
        vacancy.requiredSkills().stream().filter(s -> reach.get(s.skillId()) == null).toList();
    Assume.that(!outOfReach.isEmpty());
    VacancyData beyondThem = withRequired(vacancy, outOfReach);

    assertThat(scorer.assess(profile, reach, beyondThem, TODAY)).isEmpty();
    assertThat(scorer.score(profile, reach, beyondThem, TODAY)).isEmpty();
  }

  /**
   * Of two people alike but for one skill, each holding one of a role's two required skills at the
   * same level, the one with the role's specific skill never scores below the one with a generic
   * (transversal or cross-sector) skill.
   */
  @Property
  void aGenericSkillNeverOutweighsASpecificOneOfTheSameLevel(
      @ForAll("profiles") ProfileData someone,
      @ForAll("vacancies") VacancyData role,
      @ForAll @IntRange(min = SkillLevel.MIN_LEVEL, max = SkillLevel.MAX_LEVEL) int level,
      @ForAll @IntRange(min = SkillLevel.MIN_LEVEL, max = SkillLevel.MAX_LEVEL) int held,
      @ForAll boolean transversal) {
    // "welding" and "sql" are unrelated in the fixture graph, so neither reaches the other
    double generic = transversal ? Specificity.TRANSVERSAL : Specificity.CROSS_SECTOR;
    Scorer bySpecificity =
        new Scorer(POLICY, DISTANCES, id -> id.equals("sql") ? generic : Specificity.SPECIFIC);
    // (and asks nothing else, not even as nice to have, that either skill reaches)
    VacancyData asksBoth =
        new VacancyData(
            role.employerId(),
            role.title(),
            role.kind(),
            List.of(new SkillLevel("welding", level), new SkillLevel("sql", level)),
            role.outcode(),
            role.closingDate(),
            List.of(),
            role.level(),
            role.minYears(),
            role.workMode(),
            role.salaryMin(),
            role.salaryMax(),
            role.startDate(),
            role.deviceProvided(),
            role.status(),
            role.additionalOutcodes(),
            role.nationwide());
    ProfileData specific = Fixtures.withSkills(someone, List.of(new SkillLevel("welding", held)));
    ProfileData general = Fixtures.withSkills(someone, List.of(new SkillLevel("sql", held)));

    OptionalInt specificScore =
        bySpecificity.score(specific, SkillReach.of(specific.skills(), GRAPH), asksBoth, TODAY);
    OptionalInt generalScore =
        bySpecificity.score(general, SkillReach.of(general.skills(), GRAPH), asksBoth, TODAY);

    Statistics.collect(generalScore.isPresent() ? MATCH : NO_MATCH);
    Statistics.coverage(generatesEach(MATCH, NO_MATCH));
    if (generalScore.isPresent()) {
      assertThat(specificScore).isPresent();
      assertThat(specificScore.getAsInt()).isGreaterThanOrEqualTo(generalScore.getAsInt());
    }
  }

  // --- generators

  /**
   * The index prunes with bounds and files roles by place; whatever it skips, it must find exactly
   * the top matches that scoring every pair finds, for people and for employers alike: with
   * weighted skills, roles in several places, nationwide and remote roles.
   */
  @Property(tries = 200)
  void theIndexFindsTheSameTopMatchesAsScoringEveryPair(
      @ForAll("profileLists") List<ProfileData> people,
      @ForAll("vacancyLists") List<VacancyData> roles) {
    MatchIndex index = new MatchIndex(scorer, GRAPH);
    for (int i = 0; i < roles.size(); i++) {
      index.putVacancy("v" + i, roles.get(i), TODAY);
    }
    for (int i = 0; i < people.size(); i++) {
      index.putProfile("p" + i, people.get(i));
    }
    int k = 3;
    int minimum = POLICY.minimumScore();
    for (int p = 0; p < people.size(); p++) {
      List<Integer> expected = new ArrayList<>();
      for (VacancyData role : roles) {
        score(people.get(p), role).filter(s -> s >= minimum).ifPresent(expected::add);
      }
      assertThat(index.topVacancies("p" + p, k, TODAY))
          .extracting(org.skillway.events.MatchData::score)
          .as("top roles for person %d", p)
          .containsExactlyElementsOf(best(expected, k));
    }
    for (int v = 0; v < roles.size(); v++) {
      List<Integer> expected = new ArrayList<>();
      for (ProfileData person : people) {
        score(person, roles.get(v)).filter(s -> s >= minimum).ifPresent(expected::add);
      }
      assertThat(index.topCandidates("v" + v, k, TODAY))
          .extracting(org.skillway.events.MatchData::score)
          .as("top people for role %d", v)
          .containsExactlyElementsOf(best(expected, k));
    }
  }

  /**
   * Removing roles frees their ordinals for the next ones added: the index must then return only
   * the roles still in it, with exactly the top scores that scoring every pair of them finds.
   */
  @Property(tries = 100)
  void removedRolesAreNeverReturnedAndTheirPlacesAreReusedExactly(
      @ForAll("profileLists") List<ProfileData> people,
      @ForAll("vacancyLists") List<VacancyData> roles,
      @ForAll("vacancyLists") List<VacancyData> later) {
    MatchIndex index = new MatchIndex(scorer, GRAPH);
    for (int i = 0; i < roles.size(); i++) {
      index.putVacancy("v" + i, roles.get(i), TODAY);
    }
    for (int i = 0; i < people.size(); i++) {
      index.putProfile("p" + i, people.get(i));
    }
    java.util.Map<String, VacancyData> open = new java.util.LinkedHashMap<>();
    for (int i = 0; i < roles.size(); i++) {
      if (i % 2 == 1) {
        index.removeVacancy("v" + i);
      } else {
        open.put("v" + i, roles.get(i));
      }
    }
    for (int i = 0; i < later.size(); i++) {
      index.putVacancy("w" + i, later.get(i), TODAY);
      open.put("w" + i, later.get(i));
    }
    int k = 3;
    int minimum = POLICY.minimumScore();
    for (int p = 0; p < people.size(); p++) {
      List<Integer> expected = new ArrayList<>();
      for (VacancyData role : open.values()) {
        score(people.get(p), role).filter(s -> s >= minimum).ifPresent(expected::add);
      }
      List<org.skillway.events.MatchData> found = index.topVacancies("p" + p, k, TODAY);
      assertThat(found)
          .extracting(org.skillway.events.MatchData::vacancyId)
          .as("roles for person %d", p)
          .allMatch(open::containsKey);
      assertThat(found)
          .extracting(org.skillway.events.MatchData::score)
          .as("top roles for person %d", p)
          .containsExactlyElementsOf(best(expected, k));
    }
    for (int i = 1; i < roles.size(); i += 2) {
      assertThat(index.topCandidates("v" + i, k, TODAY)).as("removed role %d", i).isEmpty();
    }
  }

  private Optional<Integer> score(ProfileData profile, VacancyData vacancy) {
    OptionalInt score =
        scorer.score(profile, SkillReach.of(profile.skills(), GRAPH), vacancy, TODAY);
    return score.isPresent() ? Optional.of(score.getAsInt()) : Optional.empty();
  }

  private static List<Integer> best(List<Integer> scores, int k) {
    return scores.stream().sorted(java.util.Comparator.reverseOrder()).limit(k).toList();
  }

  @Provide
  Arbitrary<List<ProfileData>> profileLists() {
    return profiles(1).list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<List<VacancyData>> vacancyLists() {
    return vacancies().list().ofMinSize(1).ofMaxSize(12);
  }

  @Provide
  Arbitrary<ProfileData> profiles() {
    return profiles(0);
  }

  @Provide
  Arbitrary<ProfileData> profilesWithSkills() {
    return profiles(1);
  }

  private static Arbitrary<ProfileData> profiles(int minSkills) {
    return Combinators.combine(plainProfiles(minSkills), occupations())
        .as(Fixtures::withOccupation);
  }

  private static Arbitrary<ProfileData> plainProfiles(int minSkills) {
    Arbitrary<ProfileData> basics =
        Combinators.combine(
                Arbitraries.of(Pathway.class),
                skillLevels(minSkills, 4),
                Arbitraries.of(OUTCODES),
                Arbitraries.integers().between(0, 40).injectNull(0.3),
                Arbitraries.of(WorkMode.class).injectNull(0.3),
                Arbitraries.integers().between(0, 120).injectNull(0.3),
                salaries().injectNull(0.3),
                dates().injectNull(0.3))
            .as(
                (pathway, skills, outcode, years, mode, commute, salary, from) ->
                    new ProfileData(
                        pathway, skills, outcode, true, years, mode, commute, salary, from, false));
    return Combinators.combine(
            basics,
            Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.just(true)), Tuple.of(1, Arbitraries.just(false))),
            Arbitraries.of(true, false))
        .as(
            (p, consent, needsDevice) ->
                new ProfileData(
                    p.pathway(),
                    p.skills(),
                    p.outcode(),
                    consent,
                    p.yearsExperience(),
                    p.workMode(),
                    p.maxCommuteKm(),
                    p.salaryExpectation(),
                    p.availableFrom(),
                    needsDevice));
  }

  /** Occupations, so that the own-trade rule is exercised too (each occupation its own trade). */
  private static Arbitrary<String> occupations() {
    return Arbitraries.of("welder", "chef").injectNull(0.4);
  }

  @Provide
  Arbitrary<VacancyData> vacancies() {
    return Combinators.combine(plainVacancies(), occupations()).as(Fixtures::withOccupation);
  }

  private static Arbitrary<VacancyData> plainVacancies() {
    Arbitrary<VacancyData> basics =
        Combinators.combine(
                Arbitraries.of(VacancyKind.class),
                weightedSkillLevels(1, 4),
                Arbitraries.of(OUTCODES),
                closingDates(),
                skillLevels(0, 3),
                Arbitraries.of(Seniority.class).injectNull(0.3),
                Arbitraries.integers().between(0, 10).injectNull(0.5),
                Arbitraries.of(WorkMode.class).injectNull(0.2))
            .as(
                (kind, required, outcode, closing, nice, level, minYears, mode) ->
                    new VacancyData(
                        "acme",
                        "Role",
                        kind,
                        required,
                        outcode,
                        closing,
                        nice,
                        level,
                        minYears,
                        mode,
                        null,
                        null,
                        null,
                        false,
                        VacancyStatus.OPEN));
    return Combinators.combine(
            basics,
            salaries().injectNull(0.4),
            salaries().injectNull(0.4),
            dates().injectNull(0.3),
            Arbitraries.of(true, false),
            Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.just(VacancyStatus.OPEN)),
                Tuple.of(1, Arbitraries.just(VacancyStatus.CLOSED))),
            Arbitraries.of(OUTCODES).list().ofMaxSize(3).uniqueElements(),
            Arbitraries.frequencyOf(
                Tuple.of(9, Arbitraries.just(false)), Tuple.of(1, Arbitraries.just(true))))
        .as(
            (v, oneSalary, otherSalary, start, device, status, elsewhere, nationwide) -> {
              Integer min = oneSalary;
              Integer max = otherSalary;
              if (min != null && max != null && min > max) {
                min = otherSalary;
                max = oneSalary;
              }
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
                  min,
                  max,
                  start,
                  device,
                  status,
                  elsewhere.stream().filter(o -> !o.equals(v.outcode())).toList(),
                  nationwide);
            });
  }

  /** Like {@link #skillLevels}, each with a weight from 1 to 5 or none. */
  private static Arbitrary<List<SkillLevel>> weightedSkillLevels(int min, int max) {
    return Combinators.combine(
            Arbitraries.of(SKILLS),
            Arbitraries.integers().between(SkillLevel.MIN_LEVEL, SkillLevel.MAX_LEVEL),
            Arbitraries.integers().between(1, SkillLevel.MAX_WEIGHT).injectNull(0.4))
        .as((id, level, weight) -> new SkillLevel(id, level, weight, null))
        .list()
        .ofMinSize(min)
        .ofMaxSize(max)
        .uniqueElements(SkillLevel::skillId);
  }

  /** Distinct skills from the fixture graph, each at a level from 1 to 5. */
  private static Arbitrary<List<SkillLevel>> skillLevels(int min, int max) {
    return Combinators.combine(
            Arbitraries.of(SKILLS),
            Arbitraries.integers().between(SkillLevel.MIN_LEVEL, SkillLevel.MAX_LEVEL))
        .as(SkillLevel::new)
        .list()
        .ofMinSize(min)
        .ofMaxSize(max)
        .uniqueElements(SkillLevel::skillId);
  }

  private static Arbitrary<Integer> salaries() {
    return Arbitraries.integers().between(0, 120_000);
  }

  /** Around today: some in the past, most within the next year. */
  private static Arbitrary<LocalDate> dates() {
    return Arbitraries.integers().between(-120, 365).map(TODAY::plusDays);
  }

  /** Mostly open, sometimes closing today, sometimes already past. */
  private static Arbitrary<LocalDate> closingDates() {
    return Arbitraries.integers().between(-10, 90).map(TODAY::plusDays);
  }

  // --- helpers

  /** Each label must make up at least 5% of the checked cases. */
  private static Consumer<StatisticsCoverage> generatesEach(String... labels) {
    return coverage -> {
      for (String label : labels) {
        coverage.check(label).percentage(p -> p >= 5);
      }
    };
  }

  private Optional<Assessment> assess(ProfileData profile, VacancyData vacancy) {
    return scorer.assess(profile, SkillReach.of(profile.skills(), GRAPH), vacancy, TODAY);
  }

  /** The hard filters as the scorer documents them: consent, open vacancy, reach. */
  private static boolean hardFiltered(ProfileData profile, VacancyData vacancy) {
    if (!profile.consentToMatch() || !vacancy.isOpenOn(TODAY)) {
      return true;
    }
    if (profile.workMode() == WorkMode.REMOTE && vacancy.workMode() != WorkMode.REMOTE) {
      return true;
    }
    if (vacancy.workMode() == WorkMode.REMOTE || vacancy.nationwide()) {
      return false;
    }
    // The nearest of the role's places whose distance is known.
    OptionalDouble km =
        vacancy.outcodes().stream()
            .map(o -> DISTANCES.kilometres(profile.outcode(), o))
            .filter(OptionalDouble::isPresent)
            .mapToDouble(OptionalDouble::getAsDouble)
            .min();
    double commute =
        profile.maxCommuteKm() == null ? POLICY.defaultCommuteKm() : profile.maxCommuteKm();
    double reach =
        vacancy.workMode() == WorkMode.HYBRID ? commute * Scorer.HYBRID_REACH_FACTOR : commute;
    return km.isPresent() && km.getAsDouble() > reach;
  }

  private static int levelOf(ProfileData profile, String skillId) {
    return profile.skills().stream()
        .filter(s -> s.skillId().equals(skillId))
        .mapToInt(SkillLevel::level)
        .findFirst()
        .orElse(0);
  }

  private static int asked(VacancyData vacancy, String skillId) {
    return vacancy.requiredSkills().stream()
        .filter(s -> s.skillId().equals(skillId))
        .mapToInt(SkillLevel::level)
        .findFirst()
        .orElseThrow();
  }

  private static VacancyData withRequired(VacancyData v, List<SkillLevel> required) {
    return Fixtures.copy(v, required, v.additionalOutcodes(), v.nationwide());
  }
}
