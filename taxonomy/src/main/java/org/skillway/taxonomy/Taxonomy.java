package org.skillway.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.Comparator;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;
import java.util.function.Consumer;
import java.util.function.IntPredicate;
import java.util.stream.IntStream;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The ESCO skills taxonomy, loaded from the files bundled in this module: the digital, green,
 * transversal, language and DigComp skill collections, all 640 skill groups with the hierarchy
 * above them, the skill-to-skill relations and the occupations. Read-only and thread-safe once
 * loaded.
 *
 * <p>This service uses the ESCO classification of the European Commission.
 */
public final class Taxonomy {
  private static final String BASE = "/esco/";

  /** How far up or down the hierarchy a skill still counts as close to another. */
  private static final int PROXIMITY_HOPS = 2;

  /** In a fixed order: a skill in two collections takes its row from the first. */
  private static final List<Map.Entry<String, Collection>> COLLECTIONS =
      List.of(
          Map.entry("digitalSkillsCollection_en", Collection.DIGITAL),
          Map.entry("greenSkillsCollection_en", Collection.GREEN),
          Map.entry("transversalSkillsCollection_en", Collection.TRANSVERSAL),
          Map.entry("languageSkillsCollection_en", Collection.LANGUAGE),
          Map.entry("digCompSkillsCollection_en", Collection.DIGCOMP));

  private static final Comparator<Skill> SKILL_ORDER =
      Comparator.comparing(Skill::preferredLabel, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(Skill::preferredLabel)
          .thenComparing(Skill::id);
  private static final Comparator<Occupation> OCCUPATION_ORDER =
      Comparator.comparing(Occupation::preferredLabel, String.CASE_INSENSITIVE_ORDER)
          .thenComparing(Occupation::preferredLabel)
          .thenComparing(Occupation::id);

  private final String version;
  private final Map<String, Skill> skills;
  private final List<Skill> all;
  private final int groupCount;
  private final Map<String, Set<String>> broader;
  private final Map<String, Set<String>> narrower;
  private final Map<String, Set<String>> related;
  private final LabelIndex<Skill> skillLabels = new LabelIndex<>(SKILL_ORDER);
  private final Occupations occupations;

  // Proximity is asked for every pair of skills while scoring, so it is answered from sorted arrays
  // of positions rather than by walking the graph.
  private final Map<String, Integer> positions = new HashMap<>();
  private final int[][] narrowerThan;
  private final int[][] withinTwoAbove;
  private final int[][] relatedTo;

  private record Occupations(Map<String, Occupation> byId, LabelIndex<Occupation> labels) {}

  private Taxonomy(
      String version,
      Map<String, Skill> skills,
      Map<String, Set<String>> broader,
      Map<String, Set<String>> related,
      Occupations occupations) {
    this.version = version;
    this.skills = Collections.unmodifiableMap(skills);
    this.all = skills.values().stream().sorted(Comparator.comparing(Skill::id)).toList();
    this.groupCount = (int) all.stream().filter(s -> s.kind() == Kind.GROUP).count();
    Map<String, Set<String>> inverse = new HashMap<>();
    broader.forEach(
        (child, parents) ->
            parents.forEach(p -> inverse.computeIfAbsent(p, k -> new HashSet<>()).add(child)));
    this.broader = sorted(broader);
    this.narrower = sorted(inverse);
    this.related = sorted(related);
    this.occupations = occupations;
    // The first concept to claim a label keeps it for look-up. Preferred labels go first, so a
    // label that is one concept's name and another's synonym finds the former; where ISCED-F
    // repeats a name down its levels ("education" is 01 and 011) the broadest, first in the file,
    // keeps it. ESCO gives 91 synonyms to several concepts ("DBMS", "Cascading Style Sheets"); the
    // concept with the shortest name, usually the most specific, keeps those.
    skills.values().forEach(s -> skillLabels.add(s.preferredLabel(), s));
    skills.values().stream()
        .sorted(
            Comparator.comparingInt((Skill s) -> s.preferredLabel().length())
                .thenComparing(Skill::id))
        .forEach(s -> s.altLabels().forEach(label -> skillLabels.add(label, s)));

    List<String> ids = new ArrayList<>(skills.keySet());
    for (int i = 0; i < ids.size(); i++) {
      positions.put(ids.get(i), i);
    }
    int[][] up = new int[ids.size()][];
    int[][] groupsAbove = new int[ids.size()][];
    boolean[] isGroup = new boolean[ids.size()];
    this.withinTwoAbove = new int[ids.size()][];
    this.narrowerThan = new int[ids.size()][];
    this.relatedTo = new int[ids.size()][];
    for (int i = 0; i < ids.size(); i++) {
      up[i] = positionsOf(this.broader.get(ids.get(i)));
      isGroup[i] = skills.get(ids.get(i)).kind() == Kind.GROUP;
      relatedTo[i] = positionsOf(this.related.get(ids.get(i)));
    }
    for (int i = 0; i < ids.size(); i++) {
      withinTwoAbove[i] = above(i, up, PROXIMITY_HOPS, p -> true);
      groupsAbove[i] = above(i, up, Integer.MAX_VALUE, p -> isGroup[p]);
      narrowerThan[i] = union(withinTwoAbove[i], groupsAbove[i]);
    }
  }

  /** Loads the bundled ESCO files: about 0.6 s on a 2-core machine, about 25 MB of heap. */
  public static Taxonomy loadBundled() {
    // Occupations and the 20,822 hierarchy links need nothing from the skills, so they load on
    // another core meanwhile.
    FutureTask<Occupations> occupations = start("occupations", Taxonomy::loadOccupations);
    FutureTask<Map<String, Set<String>>> pillar = start("hierarchy", Taxonomy::loadPillar);

    Map<String, Skill> skills = new LinkedHashMap<>();
    Map<String, Set<String>> broader = new HashMap<>();
    Map<String, Set<String>> related = new HashMap<>();
    read(
        "skillGroups_en",
        r -> {
          String id = Labels.id(r.get("conceptUri"));
          skills.put(
              id,
              new Skill(
                  id,
                  r.get("conceptUri"),
                  r.get("preferredLabel"),
                  Labels.split(r.get("altLabels")),
                  Kind.GROUP,
                  Set.of(),
                  r.get("description")));
        });
    // Each row is a path from a level-0 concept down; a level missing from the group file would
    // still be added here.
    read(
        "skillsHierarchy_en",
        r -> {
          String parent = null;
          for (int level = 0; level <= 3; level++) {
            String uri = r.get("Level " + level + " URI");
            if (uri == null || uri.isBlank()) {
              break;
            }
            String id = Labels.id(uri);
            String label = r.get("Level " + level + " preferred term");
            skills.putIfAbsent(id, new Skill(id, uri, label, List.of(), Kind.GROUP, Set.of(), ""));
            if (parent != null) {
              edge(broader, id, parent);
            }
            parent = id;
          }
        });
    Map<String, Set<Collection>> membership = new HashMap<>();
    Map<String, CSVRecord> skillRows = new LinkedHashMap<>();
    COLLECTIONS.forEach(
        collection ->
            read(
                collection.getKey(),
                r -> {
                  String id = Labels.id(r.get("conceptUri"));
                  membership
                      .computeIfAbsent(id, k -> EnumSet.noneOf(Collection.class))
                      .add(collection.getValue());
                  skillRows.putIfAbsent(id, r);
                }));
    skillRows.forEach(
        (id, r) -> {
          skills.put(
              id,
              new Skill(
                  id,
                  r.get("conceptUri"),
                  r.get("preferredLabel"),
                  Labels.split(r.get("altLabels")),
                  "knowledge".equals(r.get("skillType")) ? Kind.KNOWLEDGE : Kind.SKILL,
                  membership.get(id),
                  r.get("description")));
          for (String parent : r.get("broaderConceptUri").split("\\|")) {
            if (!parent.isBlank()) {
              edge(broader, id, Labels.id(parent));
            }
          }
        });
    read(
        "skillSkillRelations_en",
        r -> {
          String a = Labels.id(r.get("originalSkillUri"));
          String b = Labels.id(r.get("relatedSkillUri"));
          if (skills.containsKey(a) && skills.containsKey(b)) {
            edge(related, a, b);
            edge(related, b, a);
          }
        });
    // Keep only links between concepts we hold: the full ESCO pillar has 13,900 skills, most not
    // bundled.
    join(pillar)
        .forEach(
            (child, parents) -> {
              if (skills.containsKey(child)) {
                parents.stream().filter(skills::containsKey).forEach(p -> edge(broader, child, p));
              }
            });
    broader.keySet().retainAll(skills.keySet());
    broader.values().forEach(parents -> parents.retainAll(skills.keySet()));
    return new Taxonomy(readVersion(), skills, broader, related, join(occupations));
  }

  public String version() {
    return version;
  }

  /** Skills and knowledge, not counting groups. */
  public int skillCount() {
    return skills.size() - groupCount;
  }

  public int groupCount() {
    return groupCount;
  }

  public int occupationCount() {
    return occupations.byId().size();
  }

  /** Every skill and group, ordered by id. */
  public List<Skill> all() {
    return all;
  }

  public Optional<Skill> byId(String idOrUri) {
    return idOrUri == null ? Optional.empty() : Optional.ofNullable(skills.get(Labels.id(idOrUri)));
  }

  /**
   * A skill or group by id, URI, preferred or alternative label, ignoring case, accents,
   * punctuation and spacing (but not {@code +} or {@code #}).
   */
  public Optional<Skill> lookup(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    return byId(text).or(() -> skillLabels.exact(text));
  }

  /**
   * Autocomplete and near misses, best first: exact labels, then labels starting with the text,
   * then labels with a word starting with it, then similar spellings. Ties go by preferred label,
   * then id.
   */
  public List<Suggestion> suggest(String text, int limit) {
    return skillLabels.search(text, limit).stream()
        .map(hit -> new Suggestion(hit.item(), hit.label(), hit.score()))
        .toList();
  }

  /** Direct broader concepts (skills or groups), ordered by id. */
  public Set<String> broader(String id) {
    return id == null ? Set.of() : broader.getOrDefault(Labels.id(id), Set.of());
  }

  /** Direct narrower concepts, ordered by id. */
  public Set<String> narrower(String id) {
    return id == null ? Set.of() : narrower.getOrDefault(Labels.id(id), Set.of());
  }

  /**
   * Skills related by an essential or optional skill-to-skill relation, in either direction,
   * ordered by id.
   */
  public Set<String> related(String id) {
    return id == null ? Set.of() : related.getOrDefault(Labels.id(id), Set.of());
  }

  /**
   * How a skill a person {@code has} relates to one a vacancy {@code needs}: the same; narrower
   * (within two steps down, or anywhere inside a needed skill group, since a group holds all its
   * members); broader (within two steps up: a broad skill says less about a specific one); related;
   * or not at all. Ids that are not in the taxonomy are only ever {@code EXACT} or {@code NONE}.
   */
  public Proximity proximity(String has, String needs) {
    String have = Labels.id(Objects.requireNonNull(has, "has"));
    String need = Labels.id(Objects.requireNonNull(needs, "needs"));
    if (have.equals(need)) {
      return Proximity.EXACT;
    }
    Integer h = positions.get(have);
    Integer n = positions.get(need);
    if (h == null || n == null) {
      return Proximity.NONE;
    }
    if (Arrays.binarySearch(narrowerThan[h], n) >= 0) {
      return Proximity.NARROWER;
    }
    if (Arrays.binarySearch(withinTwoAbove[n], h) >= 0) {
      return Proximity.BROADER;
    }
    return Arrays.binarySearch(relatedTo[h], n) >= 0 ? Proximity.RELATED : Proximity.NONE;
  }

  public Optional<Occupation> occupation(String idOrUri) {
    return idOrUri == null
        ? Optional.empty()
        : Optional.ofNullable(occupations.byId().get(Labels.id(idOrUri)));
  }

  /** An occupation by preferred or alternative label, ignoring case, punctuation and spacing. */
  public Optional<Occupation> lookupOccupation(String label) {
    return occupations.labels().exact(label);
  }

  /** Occupations for some typed text, best first, as {@link #suggest} does for skills. */
  public List<Occupation> suggestOccupations(String text, int limit) {
    return occupations.labels().search(text, limit).stream().map(LabelIndex.Hit::item).toList();
  }

  private static Occupations loadOccupations() {
    Map<String, Occupation> byId = new LinkedHashMap<>();
    read(
        "occupations_en",
        r -> {
          String id = Labels.id(r.get("conceptUri"));
          byId.put(
              id,
              new Occupation(
                  id,
                  r.get("conceptUri"),
                  r.get("preferredLabel"),
                  Labels.split(r.get("altLabels")),
                  r.get("iscoGroup")));
        });
    LabelIndex<Occupation> labels = new LabelIndex<>(OCCUPATION_ORDER);
    byId.values().forEach(o -> labels.add(o.preferredLabel(), o));
    byId.values().forEach(o -> o.altLabels().forEach(label -> labels.add(label, o)));
    return new Occupations(Collections.unmodifiableMap(byId), labels);
  }

  private static Map<String, Set<String>> loadPillar() {
    Map<String, Set<String>> broader = new HashMap<>();
    read(
        "broaderRelationsSkillPillar_en",
        r -> edge(broader, Labels.id(r.get("conceptUri")), Labels.id(r.get("broaderUri"))));
    return broader;
  }

  private static <T> FutureTask<T> start(String what, Callable<T> load) {
    FutureTask<T> task = new FutureTask<>(load);
    Thread worker = new Thread(task, "taxonomy-" + what);
    worker.setDaemon(true);
    worker.start();
    return task;
  }

  private static <T> T join(FutureTask<T> task) {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted while loading the taxonomy", e);
    } catch (ExecutionException e) {
      if (e.getCause() instanceof RuntimeException runtime) {
        throw runtime;
      }
      throw new IllegalStateException(e.getCause());
    }
  }

  private int[] positionsOf(Set<String> ids) {
    return ids == null ? new int[0] : ids.stream().mapToInt(positions::get).sorted().toArray();
  }

  /** Positions above {@code from} within {@code hops} steps that pass {@code keep}, sorted. */
  private static int[] above(int from, int[][] up, int hops, IntPredicate keep) {
    Set<Integer> seen = new HashSet<>();
    Deque<Integer> frontier = new ArrayDeque<>(List.of(from));
    for (int hop = 0; hop < hops && !frontier.isEmpty(); hop++) {
      Deque<Integer> next = new ArrayDeque<>();
      for (int position : frontier) {
        for (int parent : up[position]) {
          if (parent != from && seen.add(parent)) {
            next.add(parent);
          }
        }
      }
      frontier = next;
    }
    return seen.stream().mapToInt(Integer::intValue).filter(keep).sorted().toArray();
  }

  private static int[] union(int[] a, int[] b) {
    return IntStream.concat(Arrays.stream(a), Arrays.stream(b)).distinct().sorted().toArray();
  }

  private static void edge(Map<String, Set<String>> edges, String from, String to) {
    if (!from.equals(to)) {
      edges.computeIfAbsent(from, k -> new HashSet<>()).add(to);
    }
  }

  private static Map<String, Set<String>> sorted(Map<String, Set<String>> edges) {
    Map<String, Set<String>> frozen = new HashMap<>();
    edges.forEach(
        (k, v) -> {
          if (!v.isEmpty()) {
            frozen.put(k, Collections.unmodifiableSet(new LinkedHashSet<>(new TreeSet<>(v))));
          }
        });
    return Map.copyOf(frozen);
  }

  private static void read(String file, Consumer<CSVRecord> row) {
    String resource = BASE + file + ".csv.gz";
    try (InputStream in = Taxonomy.class.getResourceAsStream(resource)) {
      if (in == null) {
        throw new IllegalStateException("missing bundled file " + resource);
      }
      Reader reader =
          new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8);
      CSVFormat format = CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
      try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
        parser.forEach(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read bundled file " + resource, e);
    }
  }

  private static String readVersion() {
    try (InputStream in = Taxonomy.class.getResourceAsStream(BASE + "VERSION")) {
      if (in == null) {
        throw new IllegalStateException("missing bundled file " + BASE + "VERSION");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
