package org.skillway.matching.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skillway.matching.match.Fixtures.DISTANCES;
import static org.skillway.matching.match.Fixtures.GRAPH;
import static org.skillway.matching.match.Fixtures.POLICY;
import static org.skillway.matching.match.Fixtures.TODAY;
import static org.skillway.matching.match.Fixtures.elsewhere;
import static org.skillway.matching.match.Fixtures.job;
import static org.skillway.matching.match.Fixtures.profile;
import static org.skillway.matching.match.Fixtures.skill;

import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.skillway.events.Pathway;
import org.skillway.events.ProfileData;
import org.skillway.events.ScorePart;
import org.skillway.events.Seniority;
import org.skillway.events.TransferableSkill;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyKind;
import org.skillway.events.VacancyStatus;
import org.skillway.events.WorkMode;

class ScorerTest {
  private final Scorer scorer = new Scorer(POLICY, DISTANCES);

  private Optional<Assessment> assess(ProfileData profile, VacancyData vacancy) {
    return scorer.assess(profile, SkillReach.of(profile.skills(), GRAPH), vacancy, TODAY);
  }

  private static ScorePart part(Assessment assessment, String name) {
    return assessment.parts().stream().filter(p -> p.name().equals(name)).findFirst().orElseThrow();
  }

  @Test
  void aTransferableSkillEarnsPartialCreditAndIsNamedWithTheSkillBehindIt() {
    // Given a retrainer who knows Java, and a role that needs programming (broader) and SQL
    ProfileData retrainer = profile(Pathway.RETRAINER, "M1", skill("java", 3));
    VacancyData role = job("M1", WorkMode.ONSITE, skill("programming", 2), skill("sql", 2));

    // When scored
    Assessment assessment = assess(retrainer, role).orElseThrow();

    // Then programming counts at 80% through Java, SQL not at all: (0.8 + 0) / 2 of 50 points
    assertThat(part(assessment, "requiredSkills"))
        .isEqualTo(
            new ScorePart(
                "requiredSkills",
                20,
                50,
                "meets 0 of 2 required skills at the level asked for; 1 more in part, through"
                    + " transferable skills; the other parts count as far as your skills fit"));
    assertThat(assessment.matched()).isEmpty();
    assertThat(assessment.missing()).containsExactly("programming", "sql");
    assertThat(assessment.transferable())
        .containsExactly(new TransferableSkill("programming", "java", "NARROWER"));
  }

  @Test
  void aProfileWithNoSkillsScoresNothingOnSkillsAndIsNeverAMatch() {
    assertThat(assess(profile(Pathway.STUDENT, "M1"), job("M1", WorkMode.REMOTE, skill("sql", 1))))
        .isEmpty();
  }

  @Test
  void theSkillsEarnTheirShareAndTheOtherPartsTheRestAllScaledByTheSkillFit() {
    // Given a student with both skills, 10 km from an on-site role with a 30 km default reach
    Assessment assessment =
        assess(
                profile(Pathway.STUDENT, "M2", skill("sql", 2), skill("excel", 3)),
                job("M1", WorkMode.ONSITE, skill("sql", 2), skill("excel", 2)))
            .orElseThrow();

    // Then the skills earn their whole 50% share; location (1 - 0.5 * 10/30 of the other 50, the
    // only other part that can be judged) 41.7; salary, availability, experience, nice-to-haves and
    // device cannot be judged and are left out; a job of no stated level scales nothing
    assertThat(assessment.parts())
        .extracting(ScorePart::name, ScorePart::points, ScorePart::maxPoints)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple("requiredSkills", 50, 50),
            org.assertj.core.groups.Tuple.tuple("pathwayFit", 0, 0),
            org.assertj.core.groups.Tuple.tuple("location", 42, 50));
    assertThat(assessment.score()).isEqualTo(92);
  }

  @Test
  void aPersonWhoLacksMostOfTheSkillsIsNoMatchHoweverWellTheRestFits() {
    // Given a student who has one of a role's three skills, next door, remote-friendly, on time
    ProfileData student = profile(Pathway.STUDENT, "M1", skill("sql", 2));
    VacancyData role =
        job("M1", WorkMode.REMOTE, skill("sql", 2), skill("excel", 2), skill("welding", 2));

    // Then everything else earns in full, but only as far as the skills fit: a third
    Assessment assessment = assess(student, role).orElseThrow();
    assertThat(assessment.score()).isEqualTo(33).isLessThan(POLICY.minimumScore() + 10);
    assertThat(part(assessment, "location").points()).isLessThanOrEqualTo(17);
  }

  @Test
  void anExperiencedHireIsOverQualifiedForAnApprenticeshipAndIsToldSo() {
    VacancyData apprenticeship =
        new VacancyData(
            "acme",
            "Apprentice",
            VacancyKind.APPRENTICESHIP,
            List.of(skill("sql", 1)),
            "M1",
            TODAY);
    ProfileData student = profile(Pathway.STUDENT, "M1", skill("sql", 3));
    ProfileData experienced = profile(Pathway.EXPERIENCED, "M1", skill("sql", 3));

    Assessment forStudent = assess(student, apprenticeship).orElseThrow();
    Assessment forExperienced = assess(experienced, apprenticeship).orElseThrow();

    // With the test policy's 10% stage weight, fit 0.1 scales everything to 91%
    assertThat(forExperienced.score()).isLessThan(forStudent.score());
    assertThat(part(forExperienced, "pathwayFit").reason())
        .isEqualTo(
            "an apprenticeship rarely suits an experienced hire, who is over-qualified for it:"
                + " every part counts at 91%");
    assertThat(part(forStudent, "pathwayFit").reason())
        .isEqualTo("an apprenticeship suits a student");
  }

  @Test
  void someoneRetrainingWithYearsOfExperienceAndEverySkillIsOverQualifiedForAnApprenticeship() {
    VacancyData apprenticeship =
        new VacancyData(
            "acme",
            "Electrical apprentice",
            VacancyKind.APPRENTICESHIP,
            List.of(skill("welding", 1)),
            "M1",
            TODAY);
    ProfileData tradesperson =
        new ProfileData(
            Pathway.RETRAINER,
            List.of(skill("welding", 5)),
            "M1",
            true,
            12,
            null,
            null,
            null,
            null,
            false);
    ProfileData newcomer =
        new ProfileData(
            Pathway.RETRAINER,
            List.of(skill("welding", 5)),
            "M1",
            true,
            2,
            null,
            null,
            null,
            null,
            false);

    Assessment stepBack = assess(tradesperson, apprenticeship).orElseThrow();

    assertThat(stepBack.score()).isLessThan(assess(newcomer, apprenticeship).orElseThrow().score());
    assertThat(part(stepBack, "pathwayFit").reason())
        .isEqualTo(
            "an apprenticeship would be a step back for someone with 12 years of experience who"
                + " already has all its skills: every part counts at 91%");
  }

  @Test
  void anApprenticeshipInTheTradeARetrainerIsLeavingIsAStepBackEvenWithoutEverySkill() {
    // Given a welder of 14 years who lacks one of a welding apprenticeship's two skills, and the
    // same apprenticeship offered as a move into another trade
    Scorer byTrade = new Scorer(POLICY, DISTANCES, Specificity.SAME_FOR_ALL, (a, b) -> a.equals(b));
    VacancyData welding = apprenticeship("welder");
    VacancyData wind = apprenticeship("wind technician");
    ProfileData welder = retrainer("welder", 14);
    ProfileData newWelder = retrainer("welder", 3);

    Assessment stepBack = byTrade.assess(welder, reach(welder), welding, TODAY).orElseThrow();
    Assessment move = byTrade.assess(welder, reach(welder), wind, TODAY).orElseThrow();
    Assessment starting = byTrade.assess(newWelder, reach(newWelder), welding, TODAY).orElseThrow();

    // Then the one in his own trade is scaled down and says why; a move, or a welder of three
    // years, is not
    assertThat(stepBack.score()).isLessThan(move.score());
    assertThat(part(stepBack, "pathwayFit").reason())
        .isEqualTo(
            "an apprenticeship in the trade you have 14 years in would be a step back, not a move:"
                + " every part counts at 91%");
    assertThat(part(move, "pathwayFit").reason())
        .isEqualTo("an apprenticeship suits someone retraining");
    assertThat(starting.score()).isEqualTo(move.score());
  }

  @Test
  void holdingEverySkillOfAnotherTradesApprenticeshipIsAMoveNotAStepBack() {
    // Given a factory assembler of 15 years who already has every skill a care apprenticeship asks
    Scorer byTrade = new Scorer(POLICY, DISTANCES, Specificity.SAME_FOR_ALL, (a, b) -> a.equals(b));
    VacancyData care = apprenticeship("care worker");
    ProfileData assembler =
        new ProfileData(
            Pathway.RETRAINER,
            List.of(skill("welding", 5), skill("sql", 3)),
            "M1",
            true,
            15,
            null,
            null,
            null,
            null,
            false,
            "assembler");
    ProfileData unsaid = Fixtures.withOccupation(assembler, null);

    // Then, as the trades are known and differ, it is a move; had he not said his trade, holding
    // every skill with 15 years would still read as a step back
    Assessment move = byTrade.assess(assembler, reach(assembler), care, TODAY).orElseThrow();
    Assessment guessed = byTrade.assess(unsaid, reach(unsaid), care, TODAY).orElseThrow();
    assertThat(part(move, "pathwayFit").reason())
        .isEqualTo("an apprenticeship suits someone retraining");
    assertThat(guessed.score()).isLessThan(move.score());
  }

  private static SkillReach reach(ProfileData profile) {
    return SkillReach.of(profile.skills(), GRAPH);
  }

  private static VacancyData apprenticeship(String occupation) {
    return new VacancyData(
        "acme",
        "Apprentice",
        VacancyKind.APPRENTICESHIP,
        List.of(skill("welding", 1), skill("sql", 1)),
        "M1",
        TODAY.plusDays(30),
        List.of(),
        null,
        null,
        WorkMode.ONSITE,
        null,
        null,
        null,
        false,
        VacancyStatus.OPEN,
        List.of(),
        false,
        null,
        occupation);
  }

  private static ProfileData retrainer(String occupation, int years) {
    return new ProfileData(
        Pathway.RETRAINER,
        List.of(skill("welding", 5)),
        "M1",
        true,
        years,
        null,
        null,
        null,
        null,
        false,
        occupation);
  }

  @Test
  void someoneWhoAskedForRemoteWorkOnlyIsOfferedRemoteRolesOnly() {
    ProfileData remoteOnly =
        new ProfileData(
            Pathway.STUDENT,
            List.of(skill("sql", 2)),
            "M1",
            true,
            null,
            WorkMode.REMOTE,
            null,
            null,
            null,
            false);

    assertThat(assess(remoteOnly, job("M1", WorkMode.ONSITE, skill("sql", 2)))).isEmpty();
    assertThat(assess(remoteOnly, job("M1", WorkMode.REMOTE, skill("sql", 2)))).isPresent();
    // nor a hybrid one, done at the workplace some of the week
    assertThat(assess(remoteOnly, job("M1", WorkMode.HYBRID, skill("sql", 2)))).isEmpty();
  }

  @Test
  void aGenericSkillCountsForLessThanARolesOwnSkillOfTheSameLevel() {
    // Given hygiene (transversal) and welding (the trade's own) asked for at the same level
    Scorer bySpecificity =
        new Scorer(
            POLICY,
            DISTANCES,
            id -> id.equals("hygiene") ? Specificity.TRANSVERSAL : Specificity.SPECIFIC);
    VacancyData welder = job("M1", WorkMode.REMOTE, skill("hygiene", 2), skill("welding", 2));
    ProfileData cleaner = profile(Pathway.RETRAINER, "M1", skill("hygiene", 2));
    ProfileData welds = profile(Pathway.RETRAINER, "M1", skill("welding", 2));

    int cleanerScore =
        bySpecificity
            .assess(cleaner, SkillReach.of(cleaner.skills(), GRAPH), welder, TODAY)
            .orElseThrow()
            .score();
    int welderScore =
        bySpecificity
            .assess(welds, SkillReach.of(welds.skills(), GRAPH), welder, TODAY)
            .orElseThrow()
            .score();

    // Then the welder fits twice as well: welding counts 1, hygiene 0.5, of 1.5
    assertThat(welderScore).isEqualTo(67);
    assertThat(cleanerScore).isEqualTo(33);
  }

  @Test
  void anUnknownSalaryIsNeitherAPlusNorAMinus() {
    ProfileData hopesForMore =
        new ProfileData(
            Pathway.STUDENT,
            List.of(skill("sql", 2)),
            "M1",
            true,
            null,
            null,
            null,
            30000,
            null,
            false);
    ProfileData saysNothing = profile(Pathway.STUDENT, "M1", skill("sql", 2));
    VacancyData unknownPay = job("M1", WorkMode.ONSITE, skill("sql", 2));

    assertThat(assess(hopesForMore, unknownPay).orElseThrow().score())
        .isEqualTo(assess(saysNothing, unknownPay).orElseThrow().score());
    assertThat(assess(hopesForMore, unknownPay).orElseThrow().parts())
        .extracting(ScorePart::name)
        .doesNotContain("salary");
  }

  @Test
  void aRemoteRoleMatchesWhereverThePersonLives() {
    Assessment farAway =
        assess(
                profile(Pathway.STUDENT, "CA1", skill("sql", 2)),
                job("M1", WorkMode.REMOTE, skill("sql", 2)))
            .orElseThrow();

    assertThat(part(farAway, "location"))
        .isEqualTo(new ScorePart("location", 50, 50, "remote: open wherever you live"));
  }

  @Test
  void aHeavierRequiredSkillCountsForMoreOfTheSkillsPart() {
    // SQL weighs 3, welding 1: of the 50 skill points, SQL is worth 37.5 and welding 12.5.
    VacancyData role =
        job(
            "M1",
            WorkMode.REMOTE,
            new org.skillway.events.SkillLevel("sql", 2, 3, null),
            skill("welding", 2));

    Assessment hasSql = assess(profile(Pathway.STUDENT, "M1", skill("sql", 2)), role).orElseThrow();
    Assessment welds =
        assess(profile(Pathway.STUDENT, "M1", skill("welding", 2)), role).orElseThrow();

    assertThat(part(hasSql, "requiredSkills").points()).isEqualTo(38);
    assertThat(part(welds, "requiredSkills").points()).isEqualTo(13);
    assertThat(hasSql.score()).isGreaterThan(welds.score());
  }

  @Test
  void aRoleInSeveralPlacesIsAsNearAsItsNearestAndANationwideOneIsNearEveryone() {
    ProfileData inCarlisle = profile(Pathway.STUDENT, "CA1", skill("sql", 2));
    VacancyData manchester = job("M1", WorkMode.ONSITE, skill("sql", 2));

    assertThat(assess(inCarlisle, manchester)).isEmpty();
    Assessment alsoCarlisle =
        assess(inCarlisle, elsewhere(manchester, false, "M5", "CA1")).orElseThrow();
    assertThat(part(alsoCarlisle, "location").reason())
        .isEqualTo("0 km away, within your 30 km reach");
    Assessment nationwide = assess(inCarlisle, elsewhere(manchester, true)).orElseThrow();
    assertThat(part(nationwide, "location"))
        .isEqualTo(new ScorePart("location", 50, 50, "offered nationwide: open wherever you live"));
  }

  @Test
  void anOnSiteRoleBeyondReachIsFilteredOutAndAHybridOneReachesFurther() {
    ProfileData student = profile(Pathway.STUDENT, "M5", skill("sql", 2));

    assertThat(assess(student, job("M1", WorkMode.ONSITE, skill("sql", 2)))).isEmpty();
    assertThat(assess(student, job("M1", WorkMode.HYBRID, skill("sql", 2)))).isPresent();
    assertThat(assess(student, job("CA1", WorkMode.HYBRID, skill("sql", 2)))).isEmpty();
  }

  @Test
  void anOfferedDeviceHelpsWhoeverNeedsOneAndNeverCountsAgainstAnyone() {
    ProfileData needsDevice =
        new ProfileData(
            Pathway.STUDENT,
            List.of(skill("sql", 1)),
            "M3",
            true,
            null,
            null,
            null,
            null,
            null,
            true);
    ProfileData hasDevice = profile(Pathway.STUDENT, "M3", skill("sql", 1));
    VacancyData withDevice =
        new VacancyData(
            "acme",
            "Analyst",
            VacancyKind.JOB,
            List.of(skill("sql", 2)),
            "M1",
            TODAY,
            List.of(),
            null,
            null,
            WorkMode.ONSITE,
            null,
            null,
            null,
            true,
            VacancyStatus.OPEN);
    VacancyData withoutDevice = job("M1", WorkMode.ONSITE, skill("sql", 2));

    int helped = assess(needsDevice, withDevice).orElseThrow().score();
    int notHelped = assess(needsDevice, withoutDevice).orElseThrow().score();
    assertThat(helped).isGreaterThan(notHelped);
    assertThat(notHelped).isEqualTo(assess(hasDevice, withoutDevice).orElseThrow().score());
    assertThat(assess(hasDevice, withDevice).orElseThrow().score()).isEqualTo(notHelped);
  }

  @Test
  void withdrawnConsentAndClosedOrExpiredVacanciesAreHardFilters() {
    ProfileData noConsent = new ProfileData(Pathway.STUDENT, List.of(skill("sql", 5)), "M1", false);
    VacancyData open = job("M1", WorkMode.ONSITE, skill("sql", 1));
    VacancyData closed =
        new VacancyData(
            "acme",
            "Analyst",
            VacancyKind.JOB,
            List.of(skill("sql", 1)),
            "M1",
            TODAY.plusDays(9),
            List.of(),
            null,
            null,
            null,
            null,
            null,
            null,
            false,
            VacancyStatus.CLOSED);
    VacancyData expired =
        new VacancyData(
            "acme", "Analyst", VacancyKind.JOB, List.of(skill("sql", 1)), "M1", TODAY.minusDays(1));

    assertThat(assess(noConsent, open)).isEmpty();
    assertThat(assess(profile(Pathway.STUDENT, "M1", skill("sql", 5)), closed)).isEmpty();
    assertThat(assess(profile(Pathway.STUDENT, "M1", skill("sql", 5)), expired)).isEmpty();
  }

  @Test
  void experienceAskedForButNotGivenCountsAsNotMet() {
    VacancyData wantsFiveYears =
        new VacancyData(
            "acme",
            "Lead",
            VacancyKind.JOB,
            List.of(skill("sql", 1)),
            "M1",
            TODAY,
            List.of(),
            Seniority.SENIOR,
            5,
            WorkMode.REMOTE,
            null,
            null,
            null,
            false,
            VacancyStatus.OPEN);

    Assessment silent =
        assess(profile(Pathway.EXPERIENCED, "M1", skill("sql", 3)), wantsFiveYears).orElseThrow();

    assertThat(part(silent, "experience"))
        .isEqualTo(
            new ScorePart("experience", 0, 25, "years of experience not given; 5 asked for"));
  }

  @Test
  void seniorRolesFitExperiencedHiresAndApprenticeshipsFitStudents() {
    VacancyData senior =
        new VacancyData(
            "acme",
            "Lead",
            VacancyKind.JOB,
            List.of(skill("sql", 1)),
            "M1",
            TODAY,
            List.of(),
            Seniority.SENIOR,
            null,
            WorkMode.REMOTE,
            null,
            null,
            null,
            false,
            VacancyStatus.OPEN);
    VacancyData apprenticeship =
        new VacancyData(
            "acme",
            "Apprentice",
            VacancyKind.APPRENTICESHIP,
            List.of(skill("sql", 1)),
            "M1",
            TODAY);

    assertThat(Scorer.fit(Pathway.EXPERIENCED, senior))
        .isGreaterThan(Scorer.fit(Pathway.STUDENT, senior));
    assertThat(Scorer.fit(Pathway.STUDENT, apprenticeship))
        .isGreaterThan(Scorer.fit(Pathway.EXPERIENCED, apprenticeship));
  }

  @Test
  void theUpperBoundFromSkillCreditIsNeverBelowTheRealScore() {
    ProfileData person = profile(Pathway.STUDENT, "M2", skill("java", 2), skill("sql", 1));
    VacancyData role =
        job("M1", WorkMode.ONSITE, skill("programming", 2), skill("sql", 2), skill("git", 1));
    SkillReach reach = SkillReach.of(person.skills(), GRAPH);
    double credit =
        role.requiredSkills().stream()
                .mapToDouble(n -> Scorer.credit(reach.get(n.skillId()), n.level()))
                .sum()
            / role.requiredSkills().size();

    int score = scorer.assess(person, reach, role, TODAY).orElseThrow().score();

    assertThat(scorer.upperBound(person, role, credit))
        .isGreaterThanOrEqualTo(score)
        .isLessThan(100);
    assertThat(Scorer.upperBound(credit, scorer.stageMillis(person.pathway(), role)))
        .isEqualTo(scorer.upperBound(person, role, credit));
  }
}
