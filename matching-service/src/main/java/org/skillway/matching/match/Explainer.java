package org.skillway.matching.match;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import org.skillway.events.MatchData;
import org.skillway.events.PathwayStep;
import org.skillway.events.ProfileData;
import org.skillway.events.Seniority;
import org.skillway.events.SkillLevel;
import org.skillway.events.TransferableSkill;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyKind;

/**
 * Turns the winners of a query into full matches: the same score, now with its parts, the skills
 * met and missing, the person's evidenced skills behind it, and pathway steps for each missing
 * skill. It keeps, for those steps, the open apprenticeships, placements and entry-level roles by
 * the skills they build.
 *
 * <p>Not thread-safe: {@link MatchIndex} calls it only under its lock.
 */
final class Explainer {
  private final Scorer scorer;
  private final SkillGraph graph;
  private final Neighbourhoods neighbourhoods;
  private final Postings<VacancyData> vacancies;
  private final Postings<ProfileData> profiles;
  private final Map<String, NavigableSet<SteppingStone>> steppingStonesBySkill = new HashMap<>();

  /**
   * An apprenticeship, placement or entry-level role that builds a skill, ordered by title then id.
   */
  private record SteppingStone(String title, String id) implements Comparable<SteppingStone> {
    @Override
    public int compareTo(SteppingStone other) {
      int byTitle = title.compareTo(other.title);
      return byTitle != 0 ? byTitle : id.compareTo(other.id);
    }
  }

  Explainer(
      Scorer scorer,
      SkillGraph graph,
      Neighbourhoods neighbourhoods,
      Postings<VacancyData> vacancies,
      Postings<ProfileData> profiles) {
    this.scorer = scorer;
    this.graph = graph;
    this.neighbourhoods = neighbourhoods;
    this.vacancies = vacancies;
    this.profiles = profiles;
  }

  /** Notes a vacancy just indexed as a stepping stone to its skills, if it is one. */
  void vacancyAdded(String id, VacancyData vacancy) {
    if (isStepping(vacancy)) {
      SteppingStone stone = new SteppingStone(vacancy.title(), id);
      vacancy
          .requiredSkills()
          .forEach(
              s ->
                  steppingStonesBySkill
                      .computeIfAbsent(s.skillId(), k -> new TreeSet<>())
                      .add(stone));
    }
  }

  /** Forgets a vacancy just removed from the index as a stepping stone. */
  void vacancyRemoved(String id, VacancyData old) {
    if (old != null && isStepping(old)) {
      SteppingStone stone = new SteppingStone(old.title(), id);
      for (SkillLevel skill : old.requiredSkills()) {
        NavigableSet<SteppingStone> stones = steppingStonesBySkill.get(skill.skillId());
        if (stones != null && stones.remove(stone) && stones.isEmpty()) {
          steppingStonesBySkill.remove(skill.skillId());
        }
      }
    }
  }

  List<MatchData> explain(PriorityQueue<Ranked> heap, LocalDate today, SkillReach reach) {
    List<Ranked> best = new ArrayList<>(heap);
    best.sort(Ranked.BEST_FIRST);
    List<MatchData> matches = new ArrayList<>(best.size());
    for (Ranked ranked : best) {
      matches.add(toMatch(ranked, today, reach));
    }
    return matches;
  }

  /** Explains a winner: the same score, now with its parts, skills and pathways. */
  MatchData toMatch(Ranked ranked, LocalDate today, SkillReach known) {
    VacancyData vacancy = vacancies.get(ranked.vacancyId());
    ProfileData profile = profiles.get(ranked.profileId());
    SkillReach reach = known != null ? known : SkillReach.of(profile.skills(), neighbourhoods);
    Assessment a =
        scorer
            .assess(profile, reach, vacancy, today)
            .orElseThrow(() -> new IllegalStateException("a ranked match must still score"));
    return new MatchData(
        ranked.profileId(),
        ranked.vacancyId(),
        vacancy.employerId(),
        vacancy.title(),
        a.score(),
        a.matched(),
        a.missing(),
        a.parts(),
        a.transferable(),
        pathways(a, ranked.vacancyId(), profile.occupation(), vacancy.occupation()),
        graph.version(),
        evidenced(profile, a),
        vacancy.employerName());
  }

  /** The person's skills behind the match (met, or built on) that a university vouches for. */
  private static List<String> evidenced(ProfileData profile, Assessment assessment) {
    Set<String> behind = new LinkedHashSet<>(assessment.matched());
    assessment.transferable().forEach(t -> behind.add(t.has()));
    List<String> evidenced = new ArrayList<>();
    for (SkillLevel skill : profile.skills()) {
      if (skill.evidenced() && behind.contains(skill.skillId())) {
        evidenced.add(skill.skillId());
      }
    }
    return evidenced;
  }

  /**
   * For each missing skill: a related skill the person already has to build on, the first (by
   * title, then id) open apprenticeship, placement or entry-level role in the index that needs it,
   * and, when the person and the role each name an occupation, whether the skill is what the move
   * between them is built on (essential to the role's occupation, not listed for the person's).
   */
  private List<PathwayStep> pathways(
      Assessment assessment, String vacancyId, String fromOccupation, String toOccupation) {
    List<PathwayStep> steps = new ArrayList<>();
    boolean moving =
        fromOccupation != null && toOccupation != null && !fromOccupation.equals(toOccupation);
    Set<String> essentialThere = moving ? graph.essentialSkills(toOccupation) : Set.of();
    Set<String> listedHere = moving ? graph.occupationSkills(fromOccupation) : Set.of();
    for (String missing : assessment.missing()) {
      assessment.transferable().stream()
          .filter(t -> t.needed().equals(missing))
          .map(TransferableSkill::has)
          .findFirst()
          .ifPresent(has -> steps.add(PathwayStep.buildOn(missing, has)));
      steppingStonesBySkill.getOrDefault(missing, Collections.emptyNavigableSet()).stream()
          .filter(stone -> !stone.id().equals(vacancyId))
          .findFirst()
          .ifPresent(stone -> steps.add(PathwayStep.role(missing, stone.id(), stone.title())));
      if (essentialThere.contains(missing) && !listedHere.contains(missing)) {
        steps.add(PathwayStep.move(missing, fromOccupation, toOccupation));
      }
    }
    return steps;
  }

  private static boolean isStepping(VacancyData vacancy) {
    return vacancy.kind() != VacancyKind.JOB || vacancy.level() == Seniority.ENTRY;
  }
}
