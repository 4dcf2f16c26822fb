package org.skillway.matching.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillway.events.MatchData;
import org.skillway.events.Pathway;
import org.skillway.events.PathwayStep;
import org.skillway.events.ProfileData;
import org.skillway.events.Seniority;
import org.skillway.events.SkillLevel;
import org.skillway.events.TransferableSkill;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyKind;
import org.skillway.events.VacancyStatus;
import org.skillway.events.WorkMode;
import org.skillway.matching.system.OutcodeDistances;
import org.skillway.matching.system.ProductionSettings;
import org.skillway.matching.system.TaxonomySkillGraph;
import org.skillway.taxonomy.Taxonomy;
import org.skillway.taxonomy.geo.Outcodes;

/**
 * The README's retrainer example, on the real ESCO taxonomy, North West outcodes and the shipped
 * weights: an office worker who taught herself Python and knows a little SQL reaches a junior
 * developer role through a transferable skill, sees the gap, and is pointed at an apprenticeship
 * that builds it. (With Python alone she has too little of the role's skills to be a match: the
 * skills gate the score.)
 */
class RetrainerExampleTest {
  static final LocalDate TODAY = LocalDate.of(2026, 11, 28);
  static final String COMPUTER_PROGRAMMING = "skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97";
  static final String SQL = "skill/598de5b0-5b58-4ea7-8058-a4bc4d18c742";
  static final String PYTHON = "skill/ccd0a1d9-afda-43d9-b901-96344886e14d";
  static final String SPREADSHEETS = "skill/1973c966-f236-40c9-b2d4-5d71a89019be";

  private final Taxonomy taxonomy = Taxonomy.loadBundled();
  private final MatchIndex index =
      new MatchIndex(
          new Scorer(
              ProductionSettings.load().scoringPolicy(),
              new OutcodeDistances(Outcodes.loadBundled()),
              TaxonomySkillGraph.specificity(taxonomy),
              TaxonomySkillGraph.trades(taxonomy)),
          new TaxonomySkillGraph(taxonomy));

  @Test
  void aRetrainerReachesAJuniorRoleThroughPythonAndIsShownHowToCloseTheGap() {
    index.putVacancy(
        "junior-dev",
        vacancy(
            "Junior software developer",
            VacancyKind.JOB,
            Seniority.ENTRY,
            "M1",
            List.of(new SkillLevel(COMPUTER_PROGRAMMING, 2), new SkillLevel(SQL, 2))),
        TODAY);
    index.putVacancy(
        "data-apprentice",
        vacancy(
            "Data technician apprentice",
            VacancyKind.APPRENTICESHIP,
            null,
            "M4",
            List.of(new SkillLevel(SQL, 1), new SkillLevel(SPREADSHEETS, 2))),
        TODAY);
    index.putProfile(
        "amira",
        new ProfileData(
            Pathway.RETRAINER,
            List.of(
                new SkillLevel(PYTHON, 3), new SkillLevel(SPREADSHEETS, 4), new SkillLevel(SQL, 1)),
            "M14",
            true,
            6,
            WorkMode.HYBRID,
            15,
            28_000,
            TODAY.plusDays(30),
            false));

    List<MatchData> matches = index.topVacancies("amira", 10, TODAY);

    MatchData junior =
        matches.stream().filter(m -> m.vacancyId().equals("junior-dev")).findFirst().orElseThrow();
    assertThat(taxonomy.byId(COMPUTER_PROGRAMMING).orElseThrow().preferredLabel())
        .isEqualTo("computer programming");
    assertThat(junior.transferableSkills())
        .containsExactly(new TransferableSkill(COMPUTER_PROGRAMMING, PYTHON, "NARROWER"));
    assertThat(junior.missingSkills()).containsExactly(COMPUTER_PROGRAMMING, SQL);
    assertThat(junior.pathways())
        .containsExactly(
            PathwayStep.buildOn(COMPUTER_PROGRAMMING, PYTHON),
            PathwayStep.role(SQL, "data-apprentice", "Data technician apprentice"));
    assertThat(junior.score()).isBetween(50, 100);
    assertThat(junior.taxonomyVersion()).isEqualTo(taxonomy.version());
  }

  @Test
  void aShopSupervisorMovingIntoRetailManagementIsToldWhichSkillsTheMoveIsBuiltOn() {
    String supervisor = occupation("shop supervisor");
    String manager = occupation("retail department manager");
    String manageStaff = skill("manage staff");
    String supervise = skill("supervise sales activities");
    String salesStrategies = skill("implement sales strategies");
    String spreadsheets = skill("use spreadsheets software");
    String orderSupplies = skill("order supplies");
    String expenses = skill("control of expenses");
    index.putVacancy(
        "department-manager",
        Fixtures.withOccupation(
            vacancy(
                "Retail department manager",
                VacancyKind.JOB,
                Seniority.MID,
                "M1",
                List.of(
                    new SkillLevel(manageStaff, 3, 2, null),
                    new SkillLevel(supervise, 2, 2, null),
                    new SkillLevel(orderSupplies, 2),
                    new SkillLevel(expenses, 2),
                    new SkillLevel(salesStrategies, 2),
                    new SkillLevel(spreadsheets, 2))),
            manager),
        TODAY);
    index.putProfile(
        "sam",
        new ProfileData(
            Pathway.RETRAINER,
            List.of(
                new SkillLevel(manageStaff, 4),
                new SkillLevel(orderSupplies, 3),
                new SkillLevel(expenses, 3),
                new SkillLevel(supervise, 3)),
            "M14",
            true,
            8,
            WorkMode.HYBRID,
            15,
            null,
            null,
            false,
            supervisor));

    MatchData match = index.topVacancies("sam", 10, TODAY).get(0);

    assertThat(match.missingSkills()).containsExactlyInAnyOrder(salesStrategies, spreadsheets);
    assertThat(match.pathways())
        .filteredOn(step -> step.kind().equals("MOVE"))
        .containsExactly(PathwayStep.move(salesStrategies, supervisor, manager));
  }

  @Test
  void someoneWhoNamesNoOccupationOrTheRolesOwnGetsNoMoveSteps() {
    String manager = occupation("retail department manager");
    String setSalesGoals = skill("set sales goals");
    String manageStaff = skill("manage staff");
    String orderSupplies = skill("order supplies");
    String expenses = skill("control of expenses");
    index.putVacancy(
        "department-manager",
        Fixtures.withOccupation(
            vacancy(
                "Retail department manager",
                VacancyKind.JOB,
                Seniority.MID,
                "M1",
                List.of(
                    new SkillLevel(manageStaff, 3),
                    new SkillLevel(orderSupplies, 2),
                    new SkillLevel(expenses, 2),
                    new SkillLevel(setSalesGoals, 2))),
            manager),
        TODAY);
    for (String occupation : java.util.Arrays.asList(null, manager)) {
      index.putProfile(
          "alex",
          new ProfileData(
              Pathway.RETRAINER,
              List.of(
                  new SkillLevel(manageStaff, 4),
                  new SkillLevel(orderSupplies, 3),
                  new SkillLevel(expenses, 3)),
              "M14",
              true,
              8,
              WorkMode.HYBRID,
              15,
              null,
              null,
              false,
              occupation));

      MatchData match = index.topVacancies("alex", 10, TODAY).get(0);

      assertThat(match.missingSkills()).containsExactly(setSalesGoals);
      assertThat(match.pathways()).noneMatch(step -> step.kind().equals("MOVE"));
    }
  }

  private String occupation(String label) {
    return taxonomy.lookupOccupation(label).orElseThrow().id();
  }

  private String skill(String label) {
    return taxonomy.lookup(label).orElseThrow().id();
  }

  private static VacancyData vacancy(
      String title, VacancyKind kind, Seniority level, String outcode, List<SkillLevel> skills) {
    return new VacancyData(
        "northwest-digital",
        title,
        kind,
        skills,
        outcode,
        TODAY.plusDays(60),
        List.of(),
        level,
        null,
        WorkMode.HYBRID,
        24_000,
        30_000,
        TODAY.plusDays(45),
        false,
        VacancyStatus.OPEN);
  }
}
