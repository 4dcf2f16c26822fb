package org.skillway.matching.match;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.NavigableSet;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.PriorityQueue;
import java.util.Set;
import java.util.TreeSet;
import org.skillway.events.MatchData;
import org.skillway.events.Pathway;
import org.skillway.events.PathwayStep;
import org.skillway.events.ProfileData;
import org.skillway.events.Seniority;
import org.skillway.events.SkillLevel;
import org.skillway.events.TransferableSkill;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyKind;
import org.skillway.events.WorkMode;
import org.skillway.taxonomy.geo.Coordinates;

/**
 * The in-memory matching index: every open vacancy, and the profiles this instance owns, each in
 * posting lists by skill and by cell of a {@link GeoGrid}.
 *
 * <p>A query first walks the posting lists of the skills involved, found through a per-skill
 * directory of the cells each skill has postings in, in the cells within reach only (on-site and
 * hybrid roles beyond reach can never match), and accumulates per candidate, in a dense array by
 * ordinal, the most skill credit it could earn (proximity only, ignoring levels; for a vacancy's
 * query, once per need by the best way a profile reaches it). One pass then turns that credit into
 * a static bound, {@code 100 × skills × stage} (the skills gate the score, so the other parts can
 * never lift it above that), as {@code min(ceiling, credit × slope)} with the two numbers kept per
 * candidate and pathway, clears the accumulator and keeps the candidates whose bound reaches the
 * minimum score.
 *
 * <p>Selection has a true floor: the candidates with the best bounds (at least {@link #SAMPLE}) are
 * ranked first, and the K-th score among them is a lower bound of the final K-th; a second pass
 * collects the other candidates whose bound reaches it. For a profile's query each collected
 * vacancy then gets an estimate from packed per-vacancy data ({@link PackedVacancies}): the score
 * by {@link Scorer}'s rules and arithmetic, but with the stage before any over-qualification, so
 * never below the score. Candidates are taken in decreasing order of estimate (or of bound, for a
 * vacancy's query) and scored by {@link Scorer}, in a bounded heap of the best K, until the next
 * one cannot reach the worst of the heap. The result is exactly what scoring every candidate would
 * give; ties go to the lower id, so it is deterministic.
 *
 * <p>Skill ids are interned to small integers, profiles are stored without their reach (it is
 * rebuilt per query from cached {@link Neighbourhoods}), and updates and removals are incremental.
 * Thread-safe through one lock, for simplicity: queries run one at a time.
 */
public final class MatchIndex {
  /** Higher score first, then lower id: a total, deterministic order. */
  private static final Comparator<Ranked> BEST_FIRST =
      Comparator.comparingInt(Ranked::score).reversed().thenComparing(Ranked::id);

  private static final Comparator<Ranked> WORST_FIRST = BEST_FIRST.reversed();

  private final Scorer scorer;
  private final SkillGraph graph;
  private final Neighbourhoods neighbourhoods;
  private final Distances distances;
  private final Map<String, Integer> skillCodes = new HashMap<>();
  private final List<String> skillNames = new ArrayList<>();
  private final Side<VacancyData> vacancies = new Side<>();
  private final Side<ProfileData> profiles = new Side<>();
  private final Map<String, NavigableSet<SteppingStone>> steppingStonesBySkill = new HashMap<>();

  private static final Pathway[] PATHWAYS = Pathway.values();

  /** Each vacancy ordinal's facts for ranking, in flat arrays. */
  private final PackedVacancies packed = new PackedVacancies();

  private final Map<Coordinates, Integer> placeIndexes = new HashMap<>();
  private final List<Coordinates> placeList = new ArrayList<>();

  /** Skill codes of each vacancy ordinal's nice-to-have skills. */
  private int[][] niceCodes = new int[0][];

  /** The furthest any indexed profile will travel: how far a vacancy's query looks. */
  private double furthestCommuteKm;

  // Scratch space for one query, indexed by candidate ordinal or by skill code.

  private int[] touched = new int[0];
  private int touchedCount;
  private int[] sorted = new int[0];
  private int[] boundOfTouched = new int[0];
  private double[] proximityBySkill = new double[0];
  private int[] levelBySkill = new int[0];
  private int query;
  private int scoredCount;
  private QueryObserver observer = QueryObserver.NONE;

  /**
   * Told, after each query, how many candidates it touched (shared a skill with the query and got a
   * bound) and how many of those it scored in full before the bound ruled the rest out.
   */
  public interface QueryObserver {
    QueryObserver NONE = (direction, touched, scored) -> {};

    void queried(Direction direction, int touched, int scored);
  }

  /** Which way a query looks: for a profile's best vacancies, or a vacancy's best candidates. */
  public enum Direction {
    PROFILE,
    VACANCY
  }

  /** A scored candidate; explained and turned into a full match only if it makes the top K. */
  private record Ranked(String id, int score, String profileId, String vacancyId) {}

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
   * One side of the index: ids to ordinals (reused once freed), values, where each is, and posting
   * lists per grid cell and skill code.
   */
  /** A centre, a distance and a layer of cells. */
  private record ReachKey(Coordinates centre, double km, int layer) {}

  /** The posting lists of one skill code, one per cell it has postings in. */
  private static final class Directory {
    int[] cells = new int[2];
    IntList[] lists = new IntList[2];
    int size;

    void add(int cell, IntList list) {
      if (size == cells.length) {
        cells = Arrays.copyOf(cells, size * 2);
        lists = Arrays.copyOf(lists, size * 2);
      }
      cells[size] = cell;
      lists[size++] = list;
    }
  }

  private static final class Side<T> {
    final Map<String, Integer> ordinals = new HashMap<>();
    final IntList free = new IntList();
    final Map<Integer, IntList[]> cells = new HashMap<>();
    String[] ids = new String[16];
    Object[] values = new Object[16];
    int[][] skills = new int[16][];
    Coordinates[] places = new Coordinates[16];
    int[] cellOf = new int[16];

    /** By skill code: how many postings there are under it, in every cell. */
    int[] postedUnder = new int[16];

    boolean posted(int code) {
      return code < postedUnder.length && postedUnder[code] > 0;
    }

    int capacity;

    int add(String id, T value, int[] skillCodes, Coordinates place, int cell) {
      int ordinal;
      if (free.size() > 0) {
        ordinal = free.get(free.size() - 1);
        free.remove(ordinal);
      } else {
        ordinal = capacity++;
        if (ordinal == ids.length) {
          int size = ids.length * 2;
          ids = Arrays.copyOf(ids, size);
          values = Arrays.copyOf(values, size);
          skills = Arrays.copyOf(skills, size);
          places = Arrays.copyOf(places, size);
          cellOf = Arrays.copyOf(cellOf, size);
        }
      }
      ids[ordinal] = id;
      values[ordinal] = value;
      skills[ordinal] = skillCodes;
      places[ordinal] = place;
      cellOf[ordinal] = cell;
      ordinals.put(id, ordinal);
      IntList[] lists = cells.computeIfAbsent(cellOf[ordinal], c -> new IntList[0]);
      for (int code : skillCodes) {
        if (code >= postedUnder.length) {
          postedUnder = Arrays.copyOf(postedUnder, Math.max(code + 1, postedUnder.length * 2));
        }
        postedUnder[code]++;
        if (code >= lists.length) {
          lists = Arrays.copyOf(lists, Math.max(code + 1, lists.length * 2));
          cells.put(cellOf[ordinal], lists);
        }
        if (lists[code] == null) {
          lists[code] = new IntList();
          directory(code).add(cellIndex(cell), lists[code]);
        }
        lists[code].add(ordinal);
      }
      return ordinal;
    }

    /** Dense numbers for the cells, in order of first use. */
    private final Map<Integer, Integer> cellIndexes = new HashMap<>();

    /** By skill code: the cells it has postings in, with those postings. */
    private Directory[] directories = new Directory[16];

    /** Per dense cell: the reach query that last found it within reach. */
    private int[] reached = new int[16];

    private int reach;
    private boolean reachesAll;

    private int cellIndex(int cell) {
      Integer index = cellIndexes.get(cell);
      if (index == null) {
        index = cellIndexes.size();
        cellIndexes.put(cell, index);
        if (index == reached.length) {
          reached = Arrays.copyOf(reached, index * 2);
        }
      }
      return index;
    }

    private Directory directory(int code) {
      if (code >= directories.length) {
        directories = Arrays.copyOf(directories, Math.max(code + 1, directories.length * 2));
      }
      return directories[code] == null ? directories[code] = new Directory() : directories[code];
    }

    /** Starts a new reach: no cell within it until marked. */
    void startReach() {
      reach++;
      reachesAll = false;
    }

    /** Every cell is within reach. */
    void reachAll() {
      reachesAll = true;
    }

    /** The place-less cell is within reach. */
    void reachEverywhere() {
      reachCell(GeoGrid.EVERYWHERE);
    }

    /** One layer's cells within {@code km} of {@code centre} are within reach. */
    void reachWithin(Coordinates centre, double km, int layer) {
      if (reachCacheCells != cellIndexes.size() || reachCache.size() > MAX_CACHED_REACHES) {
        // A cell first used since is missing from what was kept: work each reach out again.
        reachCache.clear();
        reachCacheCells = cellIndexes.size();
      }
      int[] indexes =
          reachCache.computeIfAbsent(
              new ReachKey(centre, km, layer),
              key -> {
                IntList found = new IntList();
                GeoGrid.cellsWithin(
                    centre,
                    km,
                    cell -> {
                      Integer index = cellIndexes.get(key(cell, layer));
                      if (index != null) {
                        found.add(index);
                      }
                    });
                return Arrays.copyOf(found.values(), found.size());
              });
      for (int index : indexes) {
        reached[index] = reach;
      }
    }

    private static final int MAX_CACHED_REACHES = 20_000;

    /** The dense cells within a reach, kept while no cell is added. */
    private final Map<ReachKey, int[]> reachCache = new HashMap<>();

    private int reachCacheCells = -1;

    private void reachCell(int cell) {
      Integer index = cellIndexes.get(cell);
      if (index != null) {
        reached[index] = reach;
      }
    }

    /** Calls {@code action} with each posting list of {@code code} in a cell within reach. */
    void forEachReached(int code, java.util.function.Consumer<IntList> action) {
      if (code >= directories.length || directories[code] == null) {
        return;
      }
      Directory directory = directories[code];
      int[] cellsOf = directory.cells;
      IntList[] lists = directory.lists;
      for (int i = 0; i < directory.size; i++) {
        if (reachesAll || reached[cellsOf[i]] == reach) {
          action.accept(lists[i]);
        }
      }
    }

    @SuppressWarnings("unchecked")
    T remove(String id) {
      Integer ordinal = ordinals.remove(id);
      if (ordinal == null) {
        return null;
      }
      T old = (T) values[ordinal];
      IntList[] lists = cells.get(cellOf[ordinal]);
      for (int code : skills[ordinal]) {
        lists[code].remove(ordinal);
        postedUnder[code]--;
      }
      ids[ordinal] = null;
      values[ordinal] = null;
      skills[ordinal] = null;
      places[ordinal] = null;
      free.add(ordinal);
      return old;
    }

    @SuppressWarnings("unchecked")
    T value(int ordinal) {
      return (T) values[ordinal];
    }

    T get(String id) {
      Integer ordinal = ordinals.get(id);
      return ordinal == null ? null : value(ordinal);
    }
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
    static NeedTable build(MatchIndex index, VacancyData vacancy) {
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

    private void mark(MatchIndex index, List<String> skills, int need, Proximity proximity) {
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
   * Cells are kept in layers, so a query can look further for hybrid roles than for on-site ones.
   */
  private static final int ON_SITE = 0;

  private static final int HYBRID = 1;

  private static int key(int cell, int layer) {
    return cell * 2 + layer;
  }

  private static int cellKey(Coordinates place, int layer) {
    return place == null ? GeoGrid.EVERYWHERE : key(GeoGrid.cellOf(place), layer);
  }

  public MatchIndex(Scorer scorer, SkillGraph graph) {
    this.scorer = scorer;
    this.graph = graph;
    this.neighbourhoods = new Neighbourhoods(graph);
    this.distances = scorer.distances();
  }

  /** Replaces the observer told about each query (metrics); the default ignores them. */
  public synchronized void observeQueries(QueryObserver observer) {
    this.observer = java.util.Objects.requireNonNull(observer, "observer");
  }

  /** Adds or replaces a vacancy; one that is no longer open on {@code today} is removed instead. */
  public synchronized void putVacancy(String id, VacancyData vacancy, LocalDate today) {
    removeVacancy(id);
    if (!vacancy.isOpenOn(today)) {
      return;
    }
    // A role offered in several places is filed under none: distance is worked out for each pair.
    Coordinates place =
        !vacancy.distanceMatters() || !vacancy.additionalOutcodes().isEmpty()
            ? null
            : distances.locate(vacancy.outcode()).orElse(null);
    int layer = vacancy.workMode() == WorkMode.HYBRID ? HYBRID : ON_SITE;
    int ordinal =
        vacancies.add(id, vacancy, codes(vacancy.requiredSkills()), place, cellKey(place, layer));
    if (niceCodes.length < vacancies.capacity) {
      niceCodes = Arrays.copyOf(niceCodes, Math.max(16, niceCodes.length * 2));
    }
    niceCodes[ordinal] = codes(vacancy.niceToHaveSkills());
    packed.set(
        ordinal,
        vacancy,
        scorer,
        place == null ? PackedVacancies.NONE : placeIndex(place),
        vacancies.skills[ordinal],
        niceCodes[ordinal]);
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
    VacancyData old = vacancies.remove(id);
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

  /**
   * Adds or replaces a profile. Only the profile is kept, with its skill ids shared with the rest
   * of the index: its reach is worked out again whenever it is queried or scored.
   */
  public synchronized void putProfile(String id, ProfileData profile) {
    removeProfile(id);
    List<SkillLevel> skills = new ArrayList<>(profile.skills().size());
    for (SkillLevel skill : profile.skills()) {
      skills.add(
          new SkillLevel(
              skillNames.get(code(skill.skillId())),
              skill.level(),
              null,
              skill.evidencedBy() == null ? null : skill.evidencedBy().intern()));
    }
    ProfileData compact =
        new ProfileData(
            profile.pathway(),
            skills,
            profile.outcode().intern(),
            profile.consentToMatch(),
            profile.yearsExperience(),
            profile.workMode(),
            profile.maxCommuteKm(),
            profile.salaryExpectation(),
            profile.availableFrom(),
            profile.needsDevice(),
            profile.occupation() == null ? null : profile.occupation().intern());
    furthestCommuteKm = Math.max(furthestCommuteKm, commuteKm(compact));
    Coordinates home = distances.locate(compact.outcode()).orElse(null);
    int ordinal = profiles.add(id, compact, codes(compact.skills()), home, cellKey(home, ON_SITE));
    ensureProfileState();
    profileState[2 * ordinal] = compact.pathway().ordinal() << PATHWAY_SHIFT;
    profileState[2 * ordinal + 1] = 0;
  }

  public synchronized void removeProfile(String id) {
    profiles.remove(id);
  }

  public synchronized boolean hasProfile(String id) {
    return profiles.ordinals.containsKey(id);
  }

  /** Whether a vacancy is indexed here and still open on {@code today}. */
  public synchronized boolean hasOpenVacancy(String id, LocalDate today) {
    VacancyData vacancy = vacancies.get(id);
    return vacancy != null && vacancy.isOpenOn(today);
  }

  /** Whether a profile is indexed here and its owner agrees to be matched. */
  public synchronized boolean consentsToMatch(String id) {
    ProfileData profile = profiles.get(id);
    return profile != null && profile.consentToMatch();
  }

  public synchronized int vacancyCount() {
    return vacancies.ordinals.size();
  }

  public synchronized int profileCount() {
    return profiles.ordinals.size();
  }

  /** The best {@code k} matches for a profile this instance owns, best first. */
  public synchronized List<MatchData> topVacancies(String profileId, int k, LocalDate today) {
    Integer ordinal = profiles.ordinals.get(profileId);
    if (ordinal == null || k <= 0 || !profiles.value(ordinal).consentToMatch()) {
      return List.of();
    }
    ProfileData profile = profiles.value(ordinal);
    Coordinates home = profiles.places[ordinal];
    SkillReach reach = SkillReach.of(profile.skills(), neighbourhoods);
    startQuery(vacancies.capacity);
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
        vacancies.reachWithin(home, km, ON_SITE);
        vacancies.reachWithin(home, km * Scorer.HYBRID_REACH_FACTOR, HYBRID);
      }
      for (int i = 0; i < walked.size(); i++) {
        int code = walked.get(i);
        float amount = (float) proximityBySkill[code];
        vacancies.forEachReached(code, list -> accumulateDense(list, amount));
      }
      PriorityQueue<Ranked> heap = new PriorityQueue<>(k + 1, WORST_FIRST);
      selectVacancies(profileId, profile, home, k, today, heap);
      observer.queried(Direction.PROFILE, touchedCount, scoredCount);
      return explain(heap, today, reach);
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

  /** How many of the best bounds a profile query ranks first, for a floor under the K-th score. */
  private static final int SAMPLE = 48;

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
   * ({@code 100 × skills × stage}, from the accumulated credit); the best {@link #SAMPLE} bounds
   * are estimated and scored first, and their K-th score is a floor under the final K-th. One scan
   * then collects the other vacancies whose bound and estimate reach the floor; they are taken in
   * decreasing order of estimate, each scored by {@link Scorer}, until the next estimate falls
   * below the K-th score.
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
    while (threshold > minimum && sampled < SAMPLE) {
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
              kilometres(profile, home, vacancy, vacancies.places[v]));
      if (score >= floor) {
        String vacancyId = vacancies.ids[v];
        offer(
            heap,
            new Ranked(MatchData.matchId(profileId, vacancyId), score, profileId, vacancyId),
            k);
      }
    }
  }

  /** The best {@code k} matches for a vacancy among the profiles this instance owns, best first. */
  public synchronized List<MatchData> topCandidates(String vacancyId, int k, LocalDate today) {
    Integer ordinal = vacancies.ordinals.get(vacancyId);
    if (ordinal == null || k <= 0) {
      return List.of();
    }
    VacancyData vacancy = vacancies.value(ordinal);
    startQuery(profiles.capacity + 1);
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
      profiles.reachWithin(place, km, ON_SITE);
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
      while (threshold > minimum && sampled < SAMPLE) {
        threshold--;
        sampled += histogram[threshold];
      }
      PriorityQueue<Ranked> heap = new PriorityQueue<>(k + 1, WORST_FIRST);
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
      observer.queried(Direction.VACANCY, touchedCount, scoredCount);
      return explain(heap, today, null);
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
      double distance = kilometres(profile, profiles.places[p], vacancy, place);
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
        offer(
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

  /** Scores one pair, if both sides are indexed here; empty when they do not match. */
  public synchronized Optional<MatchData> match(
      String profileId, String vacancyId, LocalDate today) {
    ProfileData profile = profiles.get(profileId);
    VacancyData vacancy = vacancies.get(vacancyId);
    if (profile == null || vacancy == null) {
      return Optional.empty();
    }
    SkillReach reach = SkillReach.of(profile.skills(), neighbourhoods);
    OptionalInt score = scorer.score(profile, reach, vacancy, today);
    if (score.isEmpty() || score.getAsInt() < scorer.policy().minimumScore()) {
      return Optional.empty();
    }
    return Optional.of(
        toMatch(
            new Ranked(
                MatchData.matchId(profileId, vacancyId), score.getAsInt(), profileId, vacancyId),
            today,
            reach));
  }

  /** The index of a place vacancies are filed under, numbered in order of first use. */
  private int placeIndex(Coordinates place) {
    Integer index = placeIndexes.get(place);
    if (index == null) {
      index = placeList.size();
      placeIndexes.put(place, index);
      placeList.add(place);
    }
    return index;
  }

  private int code(String skillId) {
    Integer code = skillCodes.get(skillId);
    if (code == null) {
      code = skillNames.size();
      String canonical = skillId.intern();
      skillCodes.put(canonical, code);
      skillNames.add(canonical);
    }
    return code;
  }

  private int[] codes(List<SkillLevel> skills) {
    int[] codes = new int[skills.size()];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = code(skills.get(i).skillId());
    }
    return codes;
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

  private double kilometres(
      ProfileData profile, Coordinates home, VacancyData vacancy, Coordinates place) {
    if (home != null && place != null) {
      return home.kilometresTo(place);
    }
    return Scorer.nearest(distances, profile, vacancy);
  }

  private void startQuery(int capacity) {
    if (touched.length < capacity) {
      int size = Math.max(capacity, touched.length * 2);
      touched = Arrays.copyOf(touched, size);
      sorted = Arrays.copyOf(sorted, size);
      boundOfTouched = Arrays.copyOf(boundOfTouched, size);
    }
    if (proximityBySkill.length < skillNames.size()) {
      int size = Math.max(skillNames.size(), proximityBySkill.length * 2);
      proximityBySkill = Arrays.copyOf(proximityBySkill, size);
      levelBySkill = Arrays.copyOf(levelBySkill, size);
    }
    touchedCount = 0;
    scoredCount = 0;
    query++;
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

  private static void offer(PriorityQueue<Ranked> heap, Ranked ranked, int k) {
    heap.add(ranked);
    if (heap.size() > k) {
      heap.poll();
    }
  }

  private List<MatchData> explain(PriorityQueue<Ranked> heap, LocalDate today, SkillReach reach) {
    List<Ranked> best = new ArrayList<>(heap);
    best.sort(BEST_FIRST);
    List<MatchData> matches = new ArrayList<>(best.size());
    for (Ranked ranked : best) {
      matches.add(toMatch(ranked, today, reach));
    }
    return matches;
  }

  /** Explains a winner: the same score, now with its parts, skills and pathways. */
  private MatchData toMatch(Ranked ranked, LocalDate today, SkillReach known) {
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
    java.util.Set<String> behind = new java.util.LinkedHashSet<>(assessment.matched());
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
