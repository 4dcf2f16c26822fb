package org.skillway.matching.match;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.skillway.events.MatchData;
import org.skillway.events.Pathway;
import org.skillway.events.ProfileData;
import org.skillway.events.SkillLevel;
import org.skillway.events.VacancyData;
import org.skillway.events.WorkMode;
import org.skillway.taxonomy.geo.Coordinates;

/**
 * A vacancy's query: the best candidates for one role among the indexed profiles. For each required
 * skill it walks the posting lists of the skills that reach it (strongest first, so each profile is
 * credited once per need), in the cells within the furthest commute of any profile; bounds each
 * touched profile by its credit and pathway; and scores them by {@link Scorer} in decreasing order
 * of bound until none can enter the top K.
 *
 * <p>Its scratch arrays, and the per-profile state it keeps between queries, are not thread-safe:
 * {@link MatchIndex} runs it under its lock.
 */
final class CandidateQuery {
  private static final Pathway[] PATHWAYS = Pathway.values();

  private final Scorer scorer;
  private final Neighbourhoods neighbourhoods;
  private final Distances distances;
  private final Map<String, Integer> skillCodes;
  private final List<String> skillNames;
  private final Postings<VacancyData> vacancies;
  private final Postings<ProfileData> profiles;
  private final Explainer explainer;

  // Scratch space for one query, indexed by profile ordinal.

  private int[] touched = new int[0];
  private int touchedCount;
  private int[] sorted = new int[0];
  private int[] boundOfTouched = new int[0];
  private int scoredCount;

  CandidateQuery(
      Scorer scorer,
      Neighbourhoods neighbourhoods,
      Map<String, Integer> skillCodes,
      List<String> skillNames,
      Postings<VacancyData> vacancies,
      Postings<ProfileData> profiles,
      Explainer explainer) {
    this.scorer = scorer;
    this.neighbourhoods = neighbourhoods;
    this.distances = scorer.distances();
    this.skillCodes = skillCodes;
    this.skillNames = skillNames;
    this.vacancies = vacancies;
    this.profiles = profiles;
    this.explainer = explainer;
  }

  /** Notes the pathway of a profile just indexed, with no credit and no need stamp. */
  void profileAdded(int ordinal, ProfileData profile) {
    ensureProfileState();
    profileState[2 * ordinal] = profile.pathway().ordinal() << PATHWAY_SHIFT;
    profileState[2 * ordinal + 1] = 0;
  }

  /**
   * For one vacancy's query: how each skill reaches each of its needs (required, then nice to
   * have), three bits per need packed in a long per skill code, from the cached neighbourhoods. A
   * candidate's skill credit is then a short loop over its own skills, with the same choice {@link
   * SkillReach} makes (best proximity, then highest level), instead of working out its whole reach.
   */
  private static final class NeedTable {
    static final int MAX_NEEDS = 21;
    private static final Proximity[] PROXIMITIES = Proximity.values();

    private final long[] bySkill;
    private Scorer scorer;
    private final IntList used = new IntList();

    private NeedTable(long[] bySkill) {
      this.bySkill = bySkill;
    }

    /** Null when the vacancy has more needs than a long holds: the caller works out reach. */
    static NeedTable build(CandidateQuery index, VacancyData vacancy) {
      List<SkillLevel> needs = new ArrayList<>(vacancy.requiredSkills());
      needs.addAll(vacancy.niceToHaveSkills());
      if (needs.size() > MAX_NEEDS) {
        return null;
      }
      if (index.needTable.length < index.skillNames.size()) {
        index.needTable = new long[Math.max(index.skillNames.size(), index.needTable.length * 2)];
      }
      NeedTable table = new NeedTable(index.needTable);
      table.scorer = index.scorer;
      for (int i = 0; i < needs.size(); i++) {
        Neighbourhoods.Holders holders = index.neighbourhoods.holdersOf(needs.get(i).skillId());
        table.mark(index, holders.exact(), i, Proximity.EXACT);
        table.mark(index, holders.narrower(), i, Proximity.NARROWER);
        table.mark(index, holders.broader(), i, Proximity.BROADER);
        table.mark(index, holders.related(), i, Proximity.RELATED);
      }
      return table;
    }

    private void mark(CandidateQuery index, List<String> skills, int need, Proximity proximity) {
      for (String skill : skills) {
        Integer code = index.skillCodes.get(skill);
        if (code == null) {
          continue;
        }
        long bits = bySkill[code];
        if (bits == 0) {
          used.add(code);
        }
        if (((bits >>> (3 * need)) & 7) == 0) {
          bySkill[code] = bits | (long) (proximity.ordinal() + 1) << (3 * need);
        }
      }
    }

    /** The credit the scorer would give these needs (numbered from {@code first}), in order. */
    double credit(ProfileData profile, int[] codes, int first, List<SkillLevel> needs) {
      double total = 0;
      for (int i = 0; i < needs.size(); i++) {
        int shift = 3 * (first + i);
        int bestProximity = 0;
        int bestLevel = 0;
        for (int j = 0; j < codes.length; j++) {
          int proximity = (int) (bySkill[codes[j]] >>> shift) & 7;
          int level = profile.skills().get(j).level();
          if (proximity != 0
              && (bestProximity == 0
                  || proximity < bestProximity
                  || (proximity == bestProximity && level > bestLevel))) {
            bestProximity = proximity;
            bestLevel = level;
          }
        }
        if (bestProximity != 0) {
          total +=
              scorer.weighted(
                  Scorer.credit(
                      PROXIMITIES[bestProximity - 1].credit(), bestLevel, needs.get(i).level()),
                  needs.get(i));
        }
      }
      return total;
    }

    void clear() {
      for (int i = 0; i < used.size(); i++) {
        bySkill[used.get(i)] = 0;
      }
    }
  }

  /** Scratch space for {@link NeedTable}, by skill code, all zero between queries. */
  private long[] needTable = new long[0];

  /**
   * The best {@code k} matches for an indexed vacancy, best first, among profiles within {@code
   * furthestCommuteKm} (the furthest any indexed profile will travel) of it.
   */
  List<MatchData> top(
      String vacancyId,
      int ordinal,
      int k,
      LocalDate today,
      double furthestCommuteKm,
      MatchIndex.QueryObserver observer) {
    VacancyData vacancy = vacancies.value(ordinal);
    startQuery();
    double km =
        !vacancy.distanceMatters()
            ? Double.POSITIVE_INFINITY
            : vacancy.workMode() == WorkMode.HYBRID
                ? furthestCommuteKm * Scorer.HYBRID_REACH_FACTOR
                : furthestCommuteKm;
    Coordinates place = vacancies.places[ordinal];
    profiles.startReach();
    if (place == null || Double.isInfinite(km)) {
      profiles.reachAll();
    } else {
      profiles.reachEverywhere();
      profiles.reachWithin(place, km, Postings.ON_SITE);
    }
    ensureProfileState();
    for (SkillLevel needed : vacancy.requiredSkills()) {
      int stamp = nextNeedStamp();
      Neighbourhoods.Holders holders = neighbourhoods.holdersOf(needed.skillId());
      // Strongest first, so each profile is credited once per need, by the best way it reaches it.
      accumulateHolders(holders.exact(), Proximity.EXACT, needed, stamp);
      accumulateHolders(holders.narrower(), Proximity.NARROWER, needed, stamp);
      accumulateHolders(holders.broader(), Proximity.BROADER, needed, stamp);
      accumulateHolders(holders.related(), Proximity.RELATED, needed, stamp);
    }
    int n = touchedCount;
    double requiredWeight = scorer.totalWeight(vacancy.requiredSkills());
    NeedTable table = NeedTable.build(this, vacancy);
    try {
      // The bound of each touched profile, 100 × skills × stage, as min(ceiling, credit × slope).
      float[] ceiling = new float[PATHWAYS.length];
      float[] slope = new float[PATHWAYS.length];
      for (Pathway pathway : PATHWAYS) {
        double stage = scorer.stageMillis(pathway, vacancy) / 1000.0;
        ceiling[pathway.ordinal()] = (float) (100 * stage * 1.0001);
        slope[pathway.ordinal()] = (float) (100 * stage / requiredWeight * 1.0002);
      }
      int minimum = scorer.policy().minimumScore();
      float reaches = minimum - 0.5001f;
      int[] state = profileState;
      int[] touchedHere = touched;
      int[] kept = sorted;
      float[] keptBound = profileKeptBound;
      int m = 0;
      // One scan clears the accumulator and keeps the profiles whose bound reaches the minimum.
      for (int i = 0; i < n; i++) {
        int p = touchedHere[i];
        int at = p << 1;
        float credit = Float.intBitsToFloat(state[at + 1]);
        state[at + 1] = 0;
        int pathway = state[at] >>> PATHWAY_SHIFT;
        float bySkills = credit * slope[pathway];
        float cap = ceiling[pathway];
        float bound = bySkills < cap ? bySkills : cap;
        kept[m] = p;
        keptBound[m] = bound;
        m += bound >= reaches ? 1 : 0;
      }
      int[] bounds = boundOfTouched;
      int[] histogram = new int[101];
      for (int i = 0; i < m; i++) {
        int points = Math.min(100, (int) (keptBound[i] + 0.5001f));
        bounds[i] = points;
        histogram[points]++;
      }
      int sampled = 0;
      int threshold = 101;
      while (threshold > minimum && sampled < MatchIndex.SAMPLE) {
        threshold--;
        sampled += histogram[threshold];
      }
      PriorityQueue<Ranked> heap = new PriorityQueue<>(k + 1, Ranked.WORST_FIRST);
      int count = 0;
      for (int i = 0; i < m; i++) {
        if (bounds[i] >= threshold) {
          profileCandidates[count++] = (long) (100 - bounds[i]) << 32 | kept[i];
        }
      }
      rankProfiles(vacancyId, vacancy, place, table, k, today, heap, count, minimum);
      int floor = heap.size() == k ? heap.peek().score() : minimum;
      count = 0;
      for (int i = 0; i < m; i++) {
        int points = bounds[i];
        if (points >= floor && points < threshold) {
          profileCandidates[count++] = (long) (100 - points) << 32 | kept[i];
        }
      }
      rankProfiles(vacancyId, vacancy, place, table, k, today, heap, count, minimum);
      observer.queried(MatchIndex.Direction.VACANCY, touchedCount, scoredCount);
      return explainer.explain(heap, today, null);
    } catch (RuntimeException | Error e) {
      for (int i = 0; i < n; i++) {
        profileState[(touched[i] << 1) + 1] = 0;
      }
      throw e;
    } finally {
      if (table != null) {
        table.clear();
      }
    }
  }

  /** Scores the collected profiles in decreasing order of bound, until none can enter. */
  private void rankProfiles(
      String vacancyId,
      VacancyData vacancy,
      Coordinates place,
      NeedTable table,
      int k,
      LocalDate today,
      PriorityQueue<Ranked> heap,
      int count,
      int minimum) {
    Arrays.sort(profileCandidates, 0, count);
    int needs = vacancy.requiredSkills().size();
    for (int i = 0; i < count; i++) {
      long candidate = profileCandidates[i];
      int bound = 100 - (int) (candidate >>> 32);
      int floor = heap.size() == k ? heap.peek().score() : minimum;
      if (bound < floor) {
        return;
      }
      int p = (int) candidate;
      scoredCount++;
      ProfileData profile = profiles.value(p);
      double distance = Postings.kilometres(distances, profile, profiles.places[p], vacancy, place);
      if (vacancy.distanceMatters() && distance > scorer.reachKm(profile, vacancy)) {
        continue; // beyond this person's reach: no need to work out their skills
      }
      int score =
          table == null
              ? scorer
                  .score(profile, SkillReach.of(profile.skills(), neighbourhoods), vacancy, today)
                  .orElse(-1)
              : scorer.scoreOf(
                  profile,
                  vacancy,
                  today,
                  table.credit(profile, profiles.skills[p], 0, vacancy.requiredSkills()),
                  table.credit(profile, profiles.skills[p], needs, vacancy.niceToHaveSkills()),
                  distance);
      if (score >= 0 && score >= floor) {
        String profileId = profiles.ids[p];
        Ranked.offer(
            heap,
            new Ranked(MatchData.matchId(profileId, vacancyId), score, profileId, vacancyId),
            k);
      }
    }
  }

  /**
   * Per profile ordinal, two ints: the last need that credited it (low bits, see {@link
   * #nextNeedStamp}) with its pathway above {@link #PATHWAY_SHIFT}, and the credit accumulated in
   * this query (float bits, zero between queries).
   */
  private int[] profileState = new int[0];

  private static final int PATHWAY_SHIFT = 30;
  private static final int STAMP_MASK = (1 << PATHWAY_SHIFT) - 1;
  private int needStamp;
  private float[] profileKeptBound = new float[0];
  private long[] profileCandidates = new long[0];

  private void ensureProfileState() {
    int size = profiles.capacity + 1;
    if (profileState.length < 2 * size) {
      int grown = Math.max(size, profileState.length);
      profileState = Arrays.copyOf(profileState, 2 * grown);
    }
    if (profileKeptBound.length < size) {
      int grown = Math.max(size, profileKeptBound.length * 2);
      profileKeptBound = Arrays.copyOf(profileKeptBound, grown);
      profileCandidates = Arrays.copyOf(profileCandidates, grown);
    }
  }

  /** A stamp for the next need, told from every earlier one; stamps start again when used up. */
  private int nextNeedStamp() {
    if (++needStamp > STAMP_MASK) {
      for (int at = 0; at < profileState.length; at += 2) {
        profileState[at] &= ~STAMP_MASK;
      }
      needStamp = 1;
    }
    return needStamp;
  }

  private void startQuery() {
    int capacity = profiles.capacity + 1;
    if (touched.length < capacity) {
      int size = Math.max(capacity, touched.length * 2);
      touched = Arrays.copyOf(touched, size);
      sorted = Arrays.copyOf(sorted, size);
      boundOfTouched = Arrays.copyOf(boundOfTouched, size);
    }
    touchedCount = 0;
    scoredCount = 0;
  }

  private void accumulateHolders(
      List<String> skills, Proximity proximity, SkillLevel need, int stamp) {
    float amount = (float) scorer.weighted(proximity.credit(), need);
    for (String skill : skills) {
      Integer code = skillCodes.get(skill);
      if (code != null && profiles.posted(code)) {
        profiles.forEachReached(
            code, list -> touchedCount = accumulateOnce(list, amount, stamp, touchedCount));
      }
    }
  }

  /**
   * Adds {@code amount} to each posted profile's credit unless this need has credited it already,
   * noting those credited for the first time: every credit is positive, so a zero is a profile not
   * yet touched.
   */
  private int accumulateOnce(IntList postings, float amount, int stamp, int count) {
    int[] values = postings.values();
    int size = postings.size();
    int[] state = profileState;
    int[] touchedHere = touched;
    int n = count;
    for (int i = 0; i < size; i++) {
      int ordinal = values[i];
      int at = ordinal << 1;
      int facts = state[at];
      if ((facts & STAMP_MASK) != stamp) {
        state[at] = (facts & ~STAMP_MASK) | stamp;
        float before = Float.intBitsToFloat(state[at + 1]);
        touchedHere[n] = ordinal;
        n += before == 0f ? 1 : 0;
        state[at + 1] = Float.floatToRawIntBits(before + amount);
      }
    }
    return n;
  }
}
