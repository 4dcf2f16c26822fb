package org.skillway.matching.match;

import static org.assertj.core.api.Assertions.assertThat;
import static org.skillway.matching.match.Fixtures.DISTANCES;
import static org.skillway.matching.match.Fixtures.GRAPH;
import static org.skillway.matching.match.Fixtures.POLICY;
import static org.skillway.matching.match.Fixtures.TODAY;
import static org.skillway.matching.match.Fixtures.job;
import static org.skillway.matching.match.Fixtures.profile;
import static org.skillway.matching.match.Fixtures.skill;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillway.events.MatchData;
import org.skillway.events.Pathway;
import org.skillway.events.PathwayStep;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyKind;
import org.skillway.events.WorkMode;

class MatchIndexTest {
  private final MatchIndex index = new MatchIndex(new Scorer(POLICY, DISTANCES), GRAPH);

  @Test
  void aProfileGetsItsBestVacanciesInOrderWithTiesByIdAndAtMostK() {
    index.putVacancy("v-b", job("M1", WorkMode.REMOTE, skill("sql", 2)), TODAY);
    index.putVacancy("v-a", job("M1", WorkMode.REMOTE, skill("sql", 2)), TODAY);
    index.putVacancy(
        "v-c", job("M1", WorkMode.REMOTE, skill("sql", 2), skill("welding", 3)), TODAY);
    index.putVacancy("v-d", job("M1", WorkMode.REMOTE, skill("welding", 3)), TODAY);
    index.putProfile("p", profile(Pathway.STUDENT, "M1", skill("sql", 3)));

    List<MatchData> top = index.topVacancies("p", 2, TODAY);

    assertThat(top).extracting(MatchData::vacancyId).containsExactly("v-a", "v-b");
    assertThat(index.topVacancies("p", 10, TODAY))
        .extracting(MatchData::vacancyId)
        .containsExactly("v-a", "v-b", "v-c");
    assertThat(top.get(0).taxonomyVersion()).isEqualTo("test-1");
  }

  @Test
  void aVacancyFindsCandidatesThroughTransferableSkills() {
    index.putProfile("java-dev", profile(Pathway.RETRAINER, "M1", skill("java", 4)));
    index.putProfile("welder", profile(Pathway.RETRAINER, "M1", skill("welding", 4)));
    index.putVacancy("v", job("M1", WorkMode.REMOTE, skill("programming", 2)), TODAY);

    assertThat(index.topCandidates("v", 10, TODAY))
        .extracting(MatchData::profileId)
        .containsExactly("java-dev");
  }

  @Test
  void removedAndClosedVacanciesLeaveTheIndex() {
    index.putProfile("p", profile(Pathway.STUDENT, "M1", skill("sql", 3)));
    index.putVacancy("v1", job("M1", WorkMode.REMOTE, skill("sql", 2)), TODAY);
    index.putVacancy(
        "v2",
        new VacancyData(
            "acme", "Old", VacancyKind.JOB, List.of(skill("sql", 1)), "M1", TODAY.minusDays(1)),
        TODAY);

    index.removeVacancy("v1");

    assertThat(index.topVacancies("p", 10, TODAY)).isEmpty();
    assertThat(index.vacancyCount()).isZero();
  }

  @Test
  void eachMissingSkillSuggestsARoleThatBuildsItAndARelatedSkillToBuildOn() {
    index.putVacancy(
        "v", job("M1", WorkMode.REMOTE, skill("sql", 2), skill("data analysis", 2)), TODAY);
    index.putVacancy(
        "apprenticeship",
        new VacancyData(
            "acme",
            "Data apprentice",
            VacancyKind.APPRENTICESHIP,
            List.of(skill("data analysis", 1)),
            "M1",
            TODAY.plusDays(5)),
        TODAY);
    index.putProfile("p", profile(Pathway.STUDENT, "M1", skill("sql", 3)));

    MatchData match = index.match("p", "v", TODAY).orElseThrow();

    assertThat(match.missingSkills()).containsExactly("data analysis");
    assertThat(match.pathways())
        .containsExactly(
            PathwayStep.buildOn("data analysis", "sql"),
            PathwayStep.role("data analysis", "apprenticeship", "Data apprentice"));
  }

  @Test
  void aProfileWithoutConsentGetsNoMatches() {
    index.putVacancy("v", job("M1", WorkMode.REMOTE, skill("sql", 2)), TODAY);
    index.putProfile(
        "p",
        new org.skillway.events.ProfileData(
            Pathway.STUDENT, List.of(skill("sql", 3)), "M1", false));

    assertThat(index.topVacancies("p", 10, TODAY)).isEmpty();
  }
}
