package org.skillway.matching.match;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.function.Function;
import org.skillway.events.MatchData;
import org.skillway.events.PathwayStep;
import org.skillway.events.ProfileData;
import org.skillway.events.Seniority;
import org.skillway.events.SkillLevel;
import org.skillway.events.TransferableSkill;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyKind;

/**
 * The in-memory matching index: every open vacancy, and the profiles this instance owns, each under
 * an inverted index from skill to ids. A profile's candidates are the vacancies needing any skill
 * it reaches; a vacancy's are the profiles holding any skill that reaches what it needs. Candidates
 * are scored in full and the best K kept in a bounded heap; ties go to the lower id, so results are
 * deterministic. Updates and removals are incremental. Thread-safe.
 */
public final class MatchIndex {
  /** Higher score first, then lower id: a total, deterministic order. */
  private static final Comparator<Ranked> BEST_FIRST =
      Comparator.comparingInt(Ranked::score).reversed().thenComparing(Ranked::id);

  private final Scorer scorer;
  private final SkillGraph graph;
  private final Map<String, VacancyData> vacancies = new HashMap<>();
  private final Map<String, Set<String>> vacanciesBySkill = new HashMap<>();
  private final Map<String, IndexedProfile> profiles = new HashMap<>();
  private final Map<String, Set<String>> profilesBySkill = new HashMap<>();

  private record IndexedProfile(ProfileData data, SkillReach reach) {}

  private record Ranked(String id, int score, MatchData match) {}

  public MatchIndex(Scorer scorer, SkillGraph graph) {
    this.scorer = scorer;
    this.graph = graph;
  }

  /** Adds or replaces a vacancy; one that is no longer open on {@code today} is removed instead. */
  public synchronized void putVacancy(String id, VacancyData vacancy, LocalDate today) {
    removeVacancy(id);
    if (!vacancy.isOpenOn(today)) {
      return;
    }
    vacancies.put(id, vacancy);
    vacancy.requiredSkills().forEach(s -> post(vacanciesBySkill, s.skillId(), id));
  }

  public synchronized void removeVacancy(String id) {
    VacancyData old = vacancies.remove(id);
    if (old != null) {
      old.requiredSkills().forEach(s -> unpost(vacanciesBySkill, s.skillId(), id));
    }
  }

  public synchronized void putProfile(String id, ProfileData profile) {
    removeProfile(id);
    profiles.put(id, new IndexedProfile(profile, SkillReach.of(profile.skills(), graph)));
    profile.skills().forEach(s -> post(profilesBySkill, s.skillId(), id));
  }

  public synchronized void removeProfile(String id) {
    IndexedProfile old = profiles.remove(id);
    if (old != null) {
      old.data().skills().forEach(s -> unpost(profilesBySkill, s.skillId(), id));
    }
  }

  public synchronized boolean hasProfile(String id) {
    return profiles.containsKey(id);
  }

  public synchronized int vacancyCount() {
    return vacancies.size();
  }

  public synchronized int profileCount() {
    return profiles.size();
  }

  /** The best {@code k} matches for a profile this instance owns, best first. */
  public synchronized List<MatchData> topVacancies(String profileId, int k, LocalDate today) {
    IndexedProfile profile = profiles.get(profileId);
    if (profile == null || !profile.data().consentToMatch()) {
      return List.of();
    }
    Set<String> candidates = new HashSet<>();
    for (String skill : profile.reach().skills()) {
      candidates.addAll(vacanciesBySkill.getOrDefault(skill, Set.of()));
    }
    return top(candidates, k, vacancyId -> assess(profileId, profile, vacancyId, today));
  }

  /** The best {@code k} matches for a vacancy among the profiles this instance owns, best first. */
  public synchronized List<MatchData> topCandidates(String vacancyId, int k, LocalDate today) {
    VacancyData vacancy = vacancies.get(vacancyId);
    if (vacancy == null) {
      return List.of();
    }
    Set<String> candidates = new HashSet<>();
    for (String skill : reachedBy(vacancy.requiredSkills())) {
      candidates.addAll(profilesBySkill.getOrDefault(skill, Set.of()));
    }
    return top(
        candidates, k, profileId -> assess(profileId, profiles.get(profileId), vacancyId, today));
  }

  /** Scores one pair, if both sides are indexed here; empty when they do not match. */
  public synchronized Optional<MatchData> match(
      String profileId, String vacancyId, LocalDate today) {
    IndexedProfile profile = profiles.get(profileId);
    if (profile == null) {
      return Optional.empty();
    }
    return assess(profileId, profile, vacancyId, today).map(Ranked::match);
  }

  private List<MatchData> top(
      Collection<String> candidates, int k, Function<String, Optional<Ranked>> score) {
    PriorityQueue<Ranked> heap = new PriorityQueue<>(k + 1, BEST_FIRST.reversed());
    for (String candidate : candidates) {
      Optional<Ranked> ranked = score.apply(candidate);
      if (ranked.isEmpty()) {
        continue;
      }
      heap.add(ranked.get());
      if (heap.size() > k) {
        heap.poll();
      }
    }
    List<Ranked> best = new ArrayList<>(heap);
    best.sort(BEST_FIRST);
    return best.stream().map(Ranked::match).toList();
  }

  private Optional<Ranked> assess(
      String profileId, IndexedProfile profile, String vacancyId, LocalDate today) {
    VacancyData vacancy = vacancies.get(vacancyId);
    if (vacancy == null) {
      return Optional.empty();
    }
    return scorer
        .assess(profile.data(), profile.reach(), vacancy, today)
        .filter(a -> a.score() >= scorer.policy().minimumScore())
        .map(
            a -> {
              MatchData match =
                  new MatchData(
                      profileId,
                      vacancyId,
                      vacancy.employerId(),
                      vacancy.title(),
                      a.score(),
                      a.matched(),
                      a.missing(),
                      a.parts(),
                      a.transferable(),
                      pathways(a, vacancyId),
                      graph.version());
              return new Ranked(match.matchId(), a.score(), match);
            });
  }

  /**
   * For each missing skill: a related skill the person already has to build on, and an open
   * apprenticeship, placement or entry-level role in the index that needs the skill (the first by
   * title, then id).
   */
  private List<PathwayStep> pathways(Assessment assessment, String vacancyId) {
    List<PathwayStep> steps = new ArrayList<>();
    for (String missing : assessment.missing()) {
      assessment.transferable().stream()
          .filter(t -> t.needed().equals(missing))
          .map(TransferableSkill::has)
          .findFirst()
          .ifPresent(has -> steps.add(PathwayStep.buildOn(missing, has)));
      vacanciesBySkill.getOrDefault(missing, Set.of()).stream()
          .filter(id -> !id.equals(vacancyId))
          .filter(id -> isStepping(vacancies.get(id)))
          .min(
              Comparator.comparing((String id) -> vacancies.get(id).title())
                  .thenComparing(id -> id))
          .ifPresent(id -> steps.add(PathwayStep.role(missing, id, vacancies.get(id).title())));
    }
    return steps;
  }

  private static boolean isStepping(VacancyData vacancy) {
    return vacancy.kind() != VacancyKind.JOB || vacancy.level() == Seniority.ENTRY;
  }

  /** Every skill whose holder reaches one of {@code needs}: the inverse of {@link SkillReach}. */
  private Set<String> reachedBy(List<SkillLevel> needs) {
    Set<String> skills = new HashSet<>();
    for (SkillLevel need : needs) {
      skills.add(need.skillId());
      // A holder of a narrower skill reaches the need, and so does a holder of a broader one.
      collect(need.skillId(), graph::narrower, skills);
      collect(need.skillId(), graph::broader, skills);
      skills.addAll(graph.related(need.skillId()));
    }
    return skills;
  }

  private static void collect(String from, Function<String, Set<String>> step, Set<String> into) {
    Set<String> frontier = Set.of(from);
    for (int hop = 0; hop < SkillReach.HOPS; hop++) {
      Set<String> next = new HashSet<>();
      for (String id : frontier) {
        next.addAll(step.apply(id));
      }
      into.addAll(next);
      frontier = next;
    }
  }

  private static void post(Map<String, Set<String>> index, String skill, String id) {
    index.computeIfAbsent(skill, s -> new HashSet<>()).add(id);
  }

  private static void unpost(Map<String, Set<String>> index, String skill, String id) {
    Set<String> ids = index.get(skill);
    if (ids != null) {
      ids.remove(id);
      if (ids.isEmpty()) {
        index.remove(skill);
      }
    }
  }
}
