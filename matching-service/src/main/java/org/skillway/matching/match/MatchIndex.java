package org.skillway.matching.match;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
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
 * an inverted index from skill to ordinal.
 *
 * <p>A query runs in two phases, MaxScore style. First it walks the posting lists of the skills
 * involved and accumulates, per candidate, the most skill credit it could earn (proximity only,
 * ignoring levels); from that, {@link Scorer#boundFor} gives the highest score the candidate could
 * reach with every other part at full points. Then candidates are scored in full in decreasing
 * order of that bound, in a bounded heap of the best K, and scoring stops as soon as no remaining
 * bound can enter the heap. The result is exactly what scoring every candidate would give; ties go
 * to the lower id, so it is deterministic. Updates and removals are incremental. Thread-safe
 * through one lock, for simplicity: queries run one at a time.
 */
public final class MatchIndex {
  /** Higher score first, then lower id: a total, deterministic order. */
  private static final Comparator<Ranked> BEST_FIRST =
      Comparator.comparingInt(Ranked::score).reversed().thenComparing(Ranked::id);

  private static final Comparator<Ranked> WORST_FIRST = BEST_FIRST.reversed();

  private final Scorer scorer;
  private final SkillGraph graph;
  private final Side<VacancyData> vacancies = new Side<>();
  private final Side<IndexedProfile> profiles = new Side<>();
  private final Map<String, NavigableSet<SteppingStone>> steppingStonesBySkill = new HashMap<>();

  /**
   * Scratch space for one query: credit and the query (and need) each candidate was last touched
   * by.
   */
  private float[] credit = new float[0];

  private int[] touchedBy = new int[0];
  private int[] creditedForNeed = new int[0];
  private int query;
  private int need;

  private record IndexedProfile(ProfileData data, SkillReach reach) {}

  /** A scored candidate; explained and turned into a full match only if it makes the top K. */
  private record Ranked(
      String id, int score, String profileId, String vacancyId, LocalDate today) {}

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

  /**
   * One side of the index: ids to ordinals (reused once freed), values, and posting lists by skill.
   */
  private static final class Side<T> {
    final Map<String, Integer> ordinals = new HashMap<>();
    final List<String> ids = new ArrayList<>();
    final List<T> values = new ArrayList<>();
    final IntList free = new IntList();
    final Map<String, IntList> postings = new HashMap<>();

    /** How many skills each ordinal is posted under: a vacancy's required skills. */
    int[] skillCounts = new int[16];

    int add(String id, T value, List<SkillLevel> skills) {
      int ordinal;
      if (free.size() > 0) {
        ordinal = free.get(free.size() - 1);
        free.remove(ordinal);
        ids.set(ordinal, id);
        values.set(ordinal, value);
      } else {
        ordinal = ids.size();
        ids.add(id);
        values.add(value);
      }
      ordinals.put(id, ordinal);
      skills.forEach(s -> postings.computeIfAbsent(s.skillId(), k -> new IntList()).add(ordinal));
      if (ordinal >= skillCounts.length) {
        skillCounts = Arrays.copyOf(skillCounts, Math.max(ordinal + 1, skillCounts.length * 2));
      }
      skillCounts[ordinal] = skills.size();
      return ordinal;
    }

    T remove(String id, Function<T, List<SkillLevel>> skillsOf) {
      Integer ordinal = ordinals.remove(id);
      if (ordinal == null) {
        return null;
      }
      T old = values.get(ordinal);
      for (SkillLevel skill : skillsOf.apply(old)) {
        IntList list = postings.get(skill.skillId());
        if (list != null && list.remove(ordinal) && list.size() == 0) {
          postings.remove(skill.skillId());
        }
      }
      ids.set(ordinal, null);
      values.set(ordinal, null);
      free.add(ordinal);
      return old;
    }

    T get(String id) {
      Integer ordinal = ordinals.get(id);
      return ordinal == null ? null : values.get(ordinal);
    }

    int capacity() {
      return ids.size();
    }
  }

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
    vacancies.add(id, vacancy, vacancy.requiredSkills());
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

  public synchronized void removeVacancy(String id) {
    VacancyData old = vacancies.remove(id, VacancyData::requiredSkills);
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

  public synchronized void putProfile(String id, ProfileData profile) {
    removeProfile(id);
    profiles.add(
        id, new IndexedProfile(profile, SkillReach.of(profile.skills(), graph)), profile.skills());
  }

  public synchronized void removeProfile(String id) {
    profiles.remove(id, p -> p.data().skills());
  }

  public synchronized boolean hasProfile(String id) {
    return profiles.ordinals.containsKey(id);
  }

  public synchronized int vacancyCount() {
    return vacancies.ordinals.size();
  }

  public synchronized int profileCount() {
    return profiles.ordinals.size();
  }

  /** The best {@code k} matches for a profile this instance owns, best first. */
  public synchronized List<MatchData> topVacancies(String profileId, int k, LocalDate today) {
    IndexedProfile profile = profiles.get(profileId);
    if (profile == null || !profile.data().consentToMatch() || k <= 0) {
      return List.of();
    }
    IntList touched = startQuery(vacancies.capacity());
    for (Map.Entry<String, Reach> reached : profile.reach().entries().entrySet()) {
      IntList postings = vacancies.postings.get(reached.getKey());
      if (postings != null) {
        accumulate(postings, (float) reached.getValue().proximity().credit(), touched, false);
      }
    }
    Scorer.Bound cheap = scorer.boundFor(profile.data());
    int[] counts = vacancies.skillCounts;
    return top(
        touched,
        k,
        ordinal -> credit[ordinal] / counts[ordinal],
        cheap::of,
        ordinal -> {
          VacancyData vacancy = vacancies.values.get(ordinal);
          return scorer.upperBound(profile.data(), vacancy, credit[ordinal] / counts[ordinal]);
        },
        ordinal -> assess(profileId, profile, vacancies.ids.get(ordinal), today));
  }

  /** The best {@code k} matches for a vacancy among the profiles this instance owns, best first. */
  public synchronized List<MatchData> topCandidates(String vacancyId, int k, LocalDate today) {
    VacancyData vacancy = vacancies.get(vacancyId);
    if (vacancy == null || k <= 0) {
      return List.of();
    }
    IntList touched = startQuery(profiles.capacity());
    for (SkillLevel needed : vacancy.requiredSkills()) {
      need++;
      // Strongest first, so each profile is credited once per need, by the best way it reaches it.
      accumulateHolders(Set.of(needed.skillId()), Proximity.EXACT, touched);
      accumulateHolders(within(needed.skillId(), graph::narrower), Proximity.NARROWER, touched);
      accumulateHolders(within(needed.skillId(), graph::broader), Proximity.BROADER, touched);
      accumulateHolders(graph.related(needed.skillId()), Proximity.RELATED, touched);
    }
    int needs = vacancy.requiredSkills().size();
    List<Scorer.Bound> cheap = new ArrayList<>();
    for (org.skillway.events.Pathway pathway : org.skillway.events.Pathway.values()) {
      cheap.add(scorer.boundFor(pathway, vacancy));
    }
    return top(
        touched,
        k,
        ordinal -> credit[ordinal] / needs,
        ratio -> cheap.stream().mapToInt(b -> b.of(ratio)).max().orElse(100),
        ordinal ->
            scorer.upperBound(
                profiles.values.get(ordinal).data(), vacancy, credit[ordinal] / needs),
        ordinal ->
            assess(profiles.ids.get(ordinal), profiles.values.get(ordinal), vacancyId, today));
  }

  /** Scores one pair, if both sides are indexed here; empty when they do not match. */
  public synchronized Optional<MatchData> match(
      String profileId, String vacancyId, LocalDate today) {
    IndexedProfile profile = profiles.get(profileId);
    if (profile == null) {
      return Optional.empty();
    }
    return assess(profileId, profile, vacancyId, today).map(this::toMatch);
  }

  private IntList startQuery(int capacity) {
    if (credit.length < capacity) {
      int size = Math.max(capacity, credit.length * 2);
      credit = Arrays.copyOf(credit, size);
      touchedBy = Arrays.copyOf(touchedBy, size);
      creditedForNeed = Arrays.copyOf(creditedForNeed, size);
    }
    query++;
    return new IntList();
  }

  private void accumulateHolders(Set<String> skills, Proximity proximity, IntList touched) {
    for (String skill : skills) {
      IntList postings = profiles.postings.get(skill);
      if (postings != null) {
        accumulate(postings, (float) proximity.credit(), touched, true);
      }
    }
  }

  private void accumulate(IntList postings, float amount, IntList touched, boolean oncePerNeed) {
    for (int i = 0; i < postings.size(); i++) {
      int ordinal = postings.get(i);
      if (oncePerNeed) {
        if (creditedForNeed[ordinal] == need) {
          continue;
        }
        creditedForNeed[ordinal] = need;
      }
      if (touchedBy[ordinal] != query) {
        touchedBy[ordinal] = query;
        credit[ordinal] = 0;
        touched.add(ordinal);
      }
      credit[ordinal] += amount;
    }
  }

  /**
   * Credit ratios are bucketed in hundredths; a bucket is bounded by the bound at its top ratio.
   */
  private static final int RATIO_BUCKETS = 100;

  /**
   * Scores candidates in decreasing order of their skill-credit ratio (bucketed in hundredths: the
   * cheap bound rises with the ratio, so this is also decreasing order of bound), and stops once
   * the heap is full and no remaining bucket's bound can beat its worst entry. Just before scoring,
   * the exact pair bound may skip a candidate too. Only the ratio is computed for every touched
   * candidate.
   */
  private List<MatchData> top(
      IntList touched,
      int k,
      java.util.function.IntToDoubleFunction ratioOf,
      java.util.function.DoubleToIntFunction boundAtRatio,
      java.util.function.IntUnaryOperator tightBound,
      java.util.function.IntFunction<Optional<Ranked>> score) {
    int minimum = scorer.policy().minimumScore();
    IntList[] buckets = new IntList[RATIO_BUCKETS + 1];
    for (int i = 0; i < touched.size(); i++) {
      int ordinal = touched.get(i);
      int bucket = (int) Math.min(RATIO_BUCKETS, ratioOf.applyAsDouble(ordinal) * RATIO_BUCKETS);
      (buckets[bucket] == null ? buckets[bucket] = new IntList() : buckets[bucket]).add(ordinal);
    }
    PriorityQueue<Ranked> heap = new PriorityQueue<>(k + 1, WORST_FIRST);
    for (int bucket = RATIO_BUCKETS; bucket >= 0; bucket--) {
      if (buckets[bucket] == null) {
        continue;
      }
      int bound =
          Math.min(100, boundAtRatio.applyAsInt(Math.min(1.0, (bucket + 1.0) / RATIO_BUCKETS)));
      if (bound < minimum || (heap.size() == k && bound < heap.peek().score())) {
        break;
      }
      IntList candidates = buckets[bucket];
      for (int i = 0; i < candidates.size(); i++) {
        int ordinal = candidates.get(i);
        if (heap.size() == k && tightBound.applyAsInt(ordinal) < heap.peek().score()) {
          continue;
        }
        score.apply(ordinal).ifPresent(ranked -> offer(heap, ranked, k));
      }
    }
    List<Ranked> best = new ArrayList<>(heap);
    best.sort(BEST_FIRST);
    return best.stream().map(this::toMatch).toList();
  }

  private static void offer(PriorityQueue<Ranked> heap, Ranked ranked, int k) {
    heap.add(ranked);
    if (heap.size() > k) {
      heap.poll();
    }
  }

  private Optional<Ranked> assess(
      String profileId, IndexedProfile profile, String vacancyId, LocalDate today) {
    VacancyData vacancy = vacancies.get(vacancyId);
    if (vacancy == null) {
      return Optional.empty();
    }
    OptionalInt score = scorer.score(profile.data(), profile.reach(), vacancy, today);
    if (score.isEmpty() || score.getAsInt() < scorer.policy().minimumScore()) {
      return Optional.empty();
    }
    return Optional.of(
        new Ranked(
            MatchData.matchId(profileId, vacancyId),
            score.getAsInt(),
            profileId,
            vacancyId,
            today));
  }

  /** Explains a winner: the same score, now with its parts, skills and pathways. */
  private MatchData toMatch(Ranked ranked) {
    VacancyData vacancy = vacancies.get(ranked.vacancyId());
    IndexedProfile profile = profiles.get(ranked.profileId());
    Assessment a =
        scorer
            .assess(profile.data(), profile.reach(), vacancy, ranked.today())
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
        pathways(a, ranked.vacancyId()),
        graph.version());
  }

  /**
   * For each missing skill: a related skill the person already has to build on, and the first (by
   * title, then id) open apprenticeship, placement or entry-level role in the index that needs it.
   */
  private List<PathwayStep> pathways(Assessment assessment, String vacancyId) {
    List<PathwayStep> steps = new ArrayList<>();
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
    }
    return steps;
  }

  private static boolean isStepping(VacancyData vacancy) {
    return vacancy.kind() != VacancyKind.JOB || vacancy.level() == Seniority.ENTRY;
  }

  /** Concepts up to {@link SkillReach#HOPS} steps away along {@code step}. */
  private static Set<String> within(String from, Function<String, Set<String>> step) {
    Set<String> reached = new HashSet<>();
    Set<String> frontier = Set.of(from);
    for (int hop = 0; hop < SkillReach.HOPS; hop++) {
      Set<String> next = new HashSet<>();
      for (String id : frontier) {
        next.addAll(step.apply(id));
      }
      reached.addAll(next);
      frontier = next;
    }
    return reached;
  }
}
