package org.skillway.matching.match;

import java.time.LocalDate;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import org.skillway.events.MatchData;
import org.skillway.events.ProfileData;
import org.skillway.events.SkillLevel;
import org.skillway.events.VacancyData;
import org.skillway.events.WorkMode;
import org.skillway.taxonomy.geo.Coordinates;

/**
 * A profile's query: the best vacancies for one person. It walks the posting lists of the skills
 * the person reaches, in the cells within their reach, accumulating per vacancy the proximity
 * credit it could earn; turns that into a static bound from {@link PackedVacancies}; estimates the
 * vacancies whose bound is high enough from their packed data; and scores them by {@link Scorer} in
 * decreasing order of estimate until none can enter the top K.
 *
 * <p>Its scratch arrays are reused from one query to the next, so it is not thread-safe: {@link
 * MatchIndex} runs it under its lock.
 */
final class VacancyQuery {
  private final Scorer scorer;
  private final Neighbourhoods neighbourhoods;
  private final Distances distances;
  private final Map<String, Integer> skillCodes;
  private final List<String> skillNames;
  private final Postings<VacancyData> vacancies;
  private final Postings<ProfileData> profiles;
  private final PackedVacancies packed;
  private final List<Coordinates> placeList;
  private final Explainer explainer;

  /** Skill codes of each vacancy ordinal's nice-to-have skills. */
  private int[][] niceCodes = new int[0][];

  // Scratch space for one query, indexed by vacancy ordinal or by skill code.

  private int touchedCount;
  private double[] proximityBySkill = new double[0];
  private int[] levelBySkill = new int[0];
  private int scoredCount;

  VacancyQuery(
      Scorer scorer,
      Neighbourhoods neighbourhoods,
      Map<String, Integer> skillCodes,
      List<String> skillNames,
      Postings<VacancyData> vacancies,
      Postings<ProfileData> profiles,
      PackedVacancies packed,
      List<Coordinates> placeList,
      Explainer explainer) {
    this.scorer = scorer;
    this.neighbourhoods = neighbourhoods;
    this.distances = scorer.distances();
    this.skillCodes = skillCodes;
    this.skillNames = skillNames;
    this.vacancies = vacancies;
    this.profiles = profiles;
    this.packed = packed;
    this.placeList = placeList;
    this.explainer = explainer;
  }

  /** Keeps the codes of a vacancy's nice-to-have skills, for scoring it. */
  void vacancyAdded(int ordinal, int[] nice) {
    if (niceCodes.length < vacancies.capacity) {
      niceCodes = Arrays.copyOf(niceCodes, Math.max(16, niceCodes.length * 2));
    }
    niceCodes[ordinal] = nice;
  }

  /** Forgets what was kept of a vacancy just removed. */
  void vacancyRemoved(int ordinal) {
    niceCodes[ordinal] = null;
  }

  /** The best {@code k} matches for an indexed profile that consents to matching, best first. */
  List<MatchData> top(
      String profileId, int ordinal, int k, LocalDate today, MatchIndex.QueryObserver observer) {
    ProfileData profile = profiles.value(ordinal);
    Coordinates home = profiles.places[ordinal];
    SkillReach reach = SkillReach.of(profile.skills(), neighbourhoods);
    startQuery();
    IntList loaded = new IntList();
    IntList walked = new IntList();
    for (Map.Entry<String, Reach> reached : reach.entries().entrySet()) {
      Integer code = skillCodes.get(reached.getKey());
      if (code != null) {
        proximityBySkill[code] = reached.getValue().proximity().credit();
        levelBySkill[code] = reached.getValue().level();
        loaded.add(code);
        if (vacancies.posted(code)) {
          walked.add(code);
        }
      }
    }
    try {
      ensureProfileQuery();
      vacancies.startReach();
      if (profile.workMode() == WorkMode.REMOTE) {
        // Someone who works remotely only is offered remote roles only, and those are filed under
        // no place.
        vacancies.reachEverywhere();
      } else if (home == null) {
        vacancies.reachAll();
      } else {
        // Remote roles, and roles whose place is not known, are within everyone's reach; a hybrid
        // role may be further away than an on-site one.
        double km = commuteKm(profile);
        vacancies.reachEverywhere();
        vacancies.reachWithin(home, km, Postings.ON_SITE);
        vacancies.reachWithin(home, km * Scorer.HYBRID_REACH_FACTOR, Postings.HYBRID);
      }
      for (int i = 0; i < walked.size(); i++) {
        int code = walked.get(i);
        float amount = (float) proximityBySkill[code];
        vacancies.forEachReached(code, list -> accumulateDense(list, amount));
      }
      PriorityQueue<Ranked> heap = new PriorityQueue<>(k + 1, Ranked.WORST_FIRST);
      selectVacancies(profileId, profile, home, k, today, heap);
      observer.queried(MatchIndex.Direction.PROFILE, touchedCount, scoredCount);
      return explainer.explain(heap, today, reach);
    } catch (RuntimeException | Error e) {
      Arrays.fill(vacancyCredit, 0);
      throw e;
    } finally {
      for (int i = 0; i < loaded.size(); i++) {
        proximityBySkill[loaded.get(i)] = 0;
        levelBySkill[loaded.get(i)] = 0;
      }
    }
  }

  private void startQuery() {
    if (proximityBySkill.length < skillNames.size()) {
      int size = Math.max(skillNames.size(), proximityBySkill.length * 2);
      proximityBySkill = Arrays.copyOf(proximityBySkill, size);
      levelBySkill = Arrays.copyOf(levelBySkill, size);
    }
    touchedCount = 0;
    scoredCount = 0;
  }

  /**
   * For one profile query, an upper bound of each vacancy's score from the packed data: the same
   * rules and arithmetic as {@link Scorer}, except that the stage is taken before any
   * over-qualification (which can only lower it). So it equals the score but for over-qualified
   * people, where it is above it; a vacancy is ranked by it and then scored by {@link Scorer}.
   */
  private final class Estimator {
    private ProfileData profile;
    private Coordinates home;
    private int today;
    private int pathway;
    private Weights weights;
    private int commute;
    private boolean remoteOnly;
    private int years;
    private int hoped;
    private int availableFrom;
    private boolean needsDevice;
    private int query;

    void start(ProfileData profile, Coordinates home, LocalDate today) {
      this.profile = profile;
      this.home = home;
      this.today = (int) today.toEpochDay();
      this.pathway = profile.pathway().ordinal();
      this.weights = scorer.policy().weightsFor(profile.pathway());
      this.commute =
          profile.maxCommuteKm() == null
              ? scorer.policy().defaultCommuteKm()
              : profile.maxCommuteKm();
      this.remoteOnly = profile.workMode() == WorkMode.REMOTE;
      this.years = profile.yearsExperience() == null ? -1 : profile.yearsExperience();
      this.hoped = profile.salaryExpectation() == null ? -1 : profile.salaryExpectation();
      this.availableFrom =
          profile.availableFrom() == null
              ? Integer.MIN_VALUE
              : (int) profile.availableFrom().toEpochDay();
      this.needsDevice = profile.needsDevice();
      this.query = ++estimatorQueries;
    }

    /** The bound in points, or -1 when the pair does not match. */
    int estimate(int v) {
      int[] f = packed.facts[v];
      if (f[PackedVacancies.CLOSING_DAY] < today) {
        return -1;
      }
      int flags = f[PackedVacancies.FLAGS];
      int mode = flags & PackedVacancies.MODE_BITS;
      if (remoteOnly && mode != PackedVacancies.REMOTE) {
        return -1;
      }
      double maxKm =
          mode == PackedVacancies.HYBRID ? commute * Scorer.HYBRID_REACH_FACTOR : commute;
      boolean distanceMatters =
          mode != PackedVacancies.REMOTE && (flags & PackedVacancies.NATIONWIDE) == 0;
      double distance = Double.NaN;
      if (distanceMatters) {
        int place = f[PackedVacancies.PLACE];
        if (home != null && place >= 0) {
          if (placeQuery[place] != query) {
            placeQuery[place] = query;
            placeKm[place] = home.kilometresTo(placeList.get(place));
          }
          distance = placeKm[place];
        } else {
          distance = Scorer.nearest(distances, profile, vacancies.value(v));
        }
        if (distance > maxKm) {
          return -1;
        }
      }
      double[] x = packed.numbers[v];
      int requiredCount = f[PackedVacancies.REQUIRED];
      double required = credit(f, PackedVacancies.NEEDS, x, PackedVacancies.WEIGHTS, requiredCount);
      if (required <= 0) {
        return -1;
      }
      Weights w = weights;
      double skills = Math.min(1, required / x[PackedVacancies.REQUIRED_TOTAL]);
      double stage = x[PackedVacancies.STAGE + pathway];
      int weightSum = 0;
      double earnedSum = 0;
      int niceCount = f[PackedVacancies.NICE];
      if (niceCount > 0 && w.niceToHave() > 0) {
        double fraction =
            credit(
                    f,
                    PackedVacancies.NEEDS + 2 * requiredCount,
                    x,
                    PackedVacancies.WEIGHTS + requiredCount,
                    niceCount)
                / x[PackedVacancies.NICE_TOTAL];
        weightSum += w.niceToHave();
        earnedSum += w.niceToHave() * Math.max(0, Math.min(1, fraction));
      }
      int asked = f[PackedVacancies.MIN_YEARS];
      if (asked >= 0 && w.experience() != 0) {
        double fraction = years < 0 ? 0 : asked == 0 ? 1 : Math.min(1, (double) years / asked);
        weightSum += w.experience();
        earnedSum += w.experience() * Math.max(0, Math.min(1, fraction));
      }
      if (w.location() != 0) {
        if (!distanceMatters) {
          weightSum += w.location();
          earnedSum += w.location() * 1.0;
        } else if (!Double.isNaN(distance)) {
          double fraction = maxKm == 0 ? 1 : 1 - 0.5 * distance / maxKm;
          weightSum += w.location();
          earnedSum += w.location() * Math.max(0, Math.min(1, fraction));
        }
      }
      int top = f[PackedVacancies.SALARY_TOP];
      if (hoped >= 0 && top >= 0 && w.salary() != 0) {
        double fraction = hoped <= top ? 1 : (double) top / hoped;
        weightSum += w.salary();
        earnedSum += w.salary() * Math.max(0, Math.min(1, fraction));
      }
      int start = f[PackedVacancies.START_DAY];
      if (start != PackedVacancies.NO_DAY
          && availableFrom != PackedVacancies.NO_DAY
          && w.availability() != 0) {
        long late = (long) availableFrom - start;
        double fraction =
            late <= 0 ? 1 : Math.max(0, 1 - (double) late / Scorer.LATE_START_TOLERANCE_DAYS);
        weightSum += w.availability();
        earnedSum += w.availability() * Math.max(0, Math.min(1, fraction));
      }
      if (needsDevice && (flags & PackedVacancies.DEVICE) != 0 && w.device() > 0) {
        weightSum += w.device();
        earnedSum += w.device() * 1.0;
      }
      double share = weightSum == 0 ? 1 : w.requiredSkills() / 100.0;
      double others = weightSum == 0 ? 0 : earnedSum / weightSum;
      double exact = 100 * (skills * stage) * (share + (1 - share) * others);
      // A hair above, so that arithmetic done in another order never leaves it below the score.
      return (int) Math.min(100, Math.floor(exact * (1 + 1e-9) + 0.5 + 1e-9));
    }

    /** The weighted credit of {@code count} needs, as {@link Scorer} sums it, in their order. */
    private double credit(int[] f, int from, double[] x, int weightsFrom, int count) {
      double total = 0;
      for (int i = 0; i < count; i++) {
        int code = f[from + 2 * i];
        total +=
            Scorer.credit(proximityBySkill[code], levelBySkill[code], f[from + 2 * i + 1])
                * x[weightsFrom + i];
      }
      return total;
    }
  }

  private final Estimator estimator = new Estimator();
  private int estimatorQueries;

  /** Per vacancy ordinal: the proximity credit accumulated in this query; zero between queries. */
  private float[] vacancyCredit = new float[0];

  /** The touched vacancies whose bound reaches the minimum score, and their bounds in points. */
  private int[] vacancyKept = new int[0];

  private float[] vacancyKeptBound = new float[0];

  private int[] vacancyBound = new int[0];

  /** Candidates to rank, packed as (100 − estimate) then ordinal, so they sort best first. */
  private long[] candidates = new long[0];

  // Per place, for one profile query: the distance from the person's home, once worked out.
  private double[] placeKm = new double[0];
  private int[] placeQuery = new int[0];

  private void ensureProfileQuery() {
    int size = vacancies.capacity + 1;
    if (vacancyCredit.length < size) {
      int grown = Math.max(size, vacancyCredit.length * 2);
      vacancyCredit = Arrays.copyOf(vacancyCredit, grown);
      vacancyBound = Arrays.copyOf(vacancyBound, grown);
      vacancyKept = Arrays.copyOf(vacancyKept, grown);
      vacancyKeptBound = Arrays.copyOf(vacancyKeptBound, grown);
      candidates = Arrays.copyOf(candidates, grown);
    }
    if (placeKm.length < placeList.size()) {
      int grown = Math.max(placeList.size(), placeKm.length * 2);
      placeKm = Arrays.copyOf(placeKm, grown);
      placeQuery = Arrays.copyOf(placeQuery, grown);
    }
  }

  /**
   * Adds {@code amount} to each posted vacancy's credit, counting those credited for the first time
   * (every credit is positive, so a zero is a vacancy not yet touched).
   */
  private void accumulateDense(IntList postings, float amount) {
    int[] values = postings.values();
    int size = postings.size();
    float[] credit = vacancyCredit;
    int n = 0;
    for (int i = 0; i < size; i++) {
      int v = values[i];
      float before = credit[v];
      n += before == 0f ? 1 : 0;
      credit[v] = before + amount;
    }
    touchedCount += n;
  }

  /**
   * Ranks the touched vacancies into {@code heap}, exactly. Each gets a static bound in points
   * ({@code 100 × skills × stage}, from the accumulated credit); the best {@link MatchIndex#SAMPLE}
   * bounds are estimated and scored first, and their K-th score is a floor under the final K-th.
   * One scan then collects the other vacancies whose bound and estimate reach the floor; they are
   * taken in decreasing order of estimate, each scored by {@link Scorer}, until the next estimate
   * falls below the K-th score.
   */
  private void selectVacancies(
      String profileId,
      ProfileData profile,
      Coordinates home,
      int k,
      LocalDate today,
      PriorityQueue<Ranked> heap) {
    int pathway = profile.pathway().ordinal();
    float[] credit = vacancyCredit;
    int[] bounds = vacancyBound;
    float[] slope = packed.slope[pathway];
    float[] ceiling = packed.ceiling[pathway];
    int minimum = scorer.policy().minimumScore();
    int[] kept = vacancyKept;
    float[] keptCredit = vacancyKeptBound;
    int capacity = vacancies.capacity;
    // One scan in ordinal order clears the accumulator and keeps the vacancies whose credit can
    // reach the lowest score that is a match (rounded half up, as the score is): rarely taken, so
    // well predicted. The ceiling is applied to the few kept.
    float reaches = minimum - 0.5001f;
    int m = 0;
    for (int v = 0; v < capacity; v++) {
      float c = credit[v];
      credit[v] = 0;
      if (c * slope[v] >= reaches) {
        kept[m] = v;
        keptCredit[m++] = c;
      }
    }
    int reaching = 0;
    for (int i = 0; i < m; i++) {
      int v = kept[i];
      float bound = Math.min(ceiling[v], keptCredit[i] * slope[v]);
      if (bound >= reaches) {
        kept[reaching] = v;
        bounds[reaching++] = Math.min(100, (int) (bound + 0.5001f));
      }
    }
    m = reaching;
    int[] histogram = new int[101];
    for (int i = 0; i < m; i++) {
      histogram[bounds[i]]++;
    }
    int sampled = 0;
    int threshold = 101;
    while (threshold > minimum && sampled < MatchIndex.SAMPLE) {
      threshold--;
      sampled += histogram[threshold];
    }
    estimator.start(profile, home, today);
    int count = 0;
    for (int i = 0; i < m; i++) {
      if (bounds[i] >= threshold) {
        count = collect(kept[i], minimum, count);
      }
    }
    rank(profileId, profile, home, k, today, heap, count, minimum);
    int floor = heap.size() == k ? heap.peek().score() : minimum;
    count = 0;
    for (int i = 0; i < m; i++) {
      int points = bounds[i];
      if (points >= floor && points < threshold) {
        count = collect(kept[i], floor, count);
      }
    }
    rank(profileId, profile, home, k, today, heap, count, minimum);
  }

  private int collect(int v, int floor, int count) {
    int estimate = estimator.estimate(v);
    if (estimate >= floor) {
      candidates[count++] = (long) (100 - estimate) << 32 | v;
    }
    return count;
  }

  /** Scores the collected candidates in decreasing order of estimate, until none can enter. */
  private void rank(
      String profileId,
      ProfileData profile,
      Coordinates home,
      int k,
      LocalDate today,
      PriorityQueue<Ranked> heap,
      int count,
      int minimum) {
    Arrays.sort(candidates, 0, count);
    int[][] required = vacancies.skills;
    for (int i = 0; i < count; i++) {
      long candidate = candidates[i];
      int estimate = 100 - (int) (candidate >>> 32);
      int floor = heap.size() == k ? heap.peek().score() : minimum;
      if (estimate < floor) {
        return;
      }
      int v = (int) candidate;
      VacancyData vacancy = vacancies.value(v);
      scoredCount++;
      int score =
          scorer.scoreOf(
              profile,
              vacancy,
              today,
              credit(vacancy.requiredSkills(), required[v]),
              credit(vacancy.niceToHaveSkills(), niceCodes[v]),
              Postings.kilometres(distances, profile, home, vacancy, vacancies.places[v]));
      if (score >= floor) {
        String vacancyId = vacancies.ids[v];
        Ranked.offer(
            heap,
            new Ranked(MatchData.matchId(profileId, vacancyId), score, profileId, vacancyId),
            k);
      }
    }
  }

  private double commuteKm(ProfileData profile) {
    return profile.maxCommuteKm() == null
        ? scorer.policy().defaultCommuteKm()
        : profile.maxCommuteKm();
  }

  /**
   * The credit the scorer would give for these needs, summed in the same order, from the loaded
   * reach.
   */
  private double credit(List<SkillLevel> needs, int[] codes) {
    double total = 0;
    for (int i = 0; i < codes.length; i++) {
      int code = codes[i];
      total +=
          scorer.weighted(
              Scorer.credit(proximityBySkill[code], levelBySkill[code], needs.get(i).level()),
              needs.get(i));
    }
    return total;
  }
}
