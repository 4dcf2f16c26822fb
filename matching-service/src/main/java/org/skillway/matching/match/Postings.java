package org.skillway.matching.match;

import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;
import java.util.function.Consumer;
import org.skillway.events.ProfileData;
import org.skillway.events.VacancyData;
import org.skillway.taxonomy.geo.Coordinates;

/**
 * The posting store of one side of the index (vacancies or profiles): ids to ordinals (reused once
 * freed), values, where each is, and posting lists per grid cell and skill code, found through a
 * per-skill directory of the cells each skill has postings in. A query marks the cells within its
 * reach first and then walks only the posting lists in them.
 *
 * <p>Not thread-safe: {@link MatchIndex} touches it only under its lock.
 */
final class Postings<T> {
  /**
   * Cells are kept in layers, so a query can look further for hybrid roles than for on-site ones.
   */
  static final int ON_SITE = 0;

  static final int HYBRID = 1;

  static int key(int cell, int layer) {
    return cell * 2 + layer;
  }

  static int cellKey(Coordinates place, int layer) {
    return place == null ? GeoGrid.EVERYWHERE : key(GeoGrid.cellOf(place), layer);
  }

  /**
   * The distance between a person and a role: between their filed places when both are known,
   * otherwise as {@link Scorer} works it out from their outcodes.
   */
  static double kilometres(
      Distances distances,
      ProfileData profile,
      Coordinates home,
      VacancyData vacancy,
      Coordinates place) {
    if (home != null && place != null) {
      return home.kilometresTo(place);
    }
    return Scorer.nearest(distances, profile, vacancy);
  }

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
  void forEachReached(int code, Consumer<IntList> action) {
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
