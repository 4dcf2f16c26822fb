package org.skillway.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
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
  private static final int PROXIMITY_HOPS = 2;

  private static final Map<String, Collection> COLLECTIONS =
      Map.of(
          "digitalSkillsCollection_en", Collection.DIGITAL,
          "greenSkillsCollection_en", Collection.GREEN,
          "transversalSkillsCollection_en", Collection.TRANSVERSAL,
          "languageSkillsCollection_en", Collection.LANGUAGE,
          "digCompSkillsCollection_en", Collection.DIGCOMP);

  private final String version;
  private final Map<String, Skill> skills;
  private final Map<String, Set<String>> broader;
  private final Map<String, Set<String>> narrower;
  private final Map<String, Set<String>> related;
  private final LabelIndex<Skill> skillLabels =
      new LabelIndex<>(s -> s.preferredLabel() + "\u0000" + s.id());
  private final Map<String, Occupation> occupations;
  private final LabelIndex<Occupation> occupationLabels =
      new LabelIndex<>(o -> o.preferredLabel() + "\u0000" + o.id());

  private Taxonomy(
      String version,
      Map<String, Skill> skills,
      Map<String, Set<String>> broader,
      Map<String, Set<String>> related,
      Map<String, Occupation> occupations) {
    this.version = version;
    this.skills = Map.copyOf(skills);
    this.broader = freeze(broader);
    Map<String, Set<String>> inverse = new HashMap<>();
    broader.forEach(
        (child, parents) ->
            parents.forEach(p -> inverse.computeIfAbsent(p, k -> new HashSet<>()).add(child)));
    this.narrower = freeze(inverse);
    this.related = freeze(related);
    this.occupations = Map.copyOf(occupations);
    // Preferred labels first, so a label that is one concept's name and another's synonym finds the
    // former.
    skills.values().forEach(s -> skillLabels.add(s.preferredLabel(), s));
    skills.values().forEach(s -> s.altLabels().forEach(label -> skillLabels.add(label, s)));
    occupations.values().forEach(o -> occupationLabels.add(o.preferredLabel(), o));
    occupations
        .values()
        .forEach(o -> o.altLabels().forEach(label -> occupationLabels.add(label, o)));
  }

  /** Loads the bundled ESCO files (1.2-1.5 s cold on a 2-core machine; see BENCHMARKS.md). */
  public static Taxonomy loadBundled() {
    Map<String, Skill> skills = new LinkedHashMap<>();
    Map<String, Set<String>> broader = new HashMap<>();
    Map<String, Set<String>> related = new HashMap<>();
    Map<String, Occupation> occupations = new LinkedHashMap<>();

    // Skill groups, then the hierarchy's levels (some level-0/1 concepts are not in the group
    // file).
    read(
        "skillGroups_en",
        r ->
            skills.put(
                Labels.id(r.get("conceptUri")),
                new Skill(
                    Labels.id(r.get("conceptUri")),
                    r.get("conceptUri"),
                    r.get("preferredLabel"),
                    Labels.split(r.get("altLabels")),
                    Kind.GROUP,
                    Set.of(),
                    r.get("description"))));
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
        (file, collection) ->
            read(
                file,
                r -> {
                  String id = Labels.id(r.get("conceptUri"));
                  membership
                      .computeIfAbsent(id, k -> EnumSet.noneOf(Collection.class))
                      .add(collection);
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
                  Set.copyOf(membership.get(id)),
                  r.get("description")));
          for (String parent : r.get("broaderConceptUri").split("\\|")) {
            if (!parent.isBlank()) {
              edge(broader, id, Labels.id(parent));
            }
          }
        });
    read(
        "broaderRelationsSkillPillar_en",
        r -> edge(broader, Labels.id(r.get("conceptUri")), Labels.id(r.get("broaderUri"))));
    read(
        "skillSkillRelations_en",
        r -> {
          String a = Labels.id(r.get("originalSkillUri"));
          String b = Labels.id(r.get("relatedSkillUri"));
          edge(related, a, b);
          edge(related, b, a);
        });
    // Keep only links between concepts we hold: the full ESCO pillar has 13,900 skills, most not
    // bundled.
    broader.entrySet().removeIf(e -> !skills.containsKey(e.getKey()));
    broader.values().forEach(parents -> parents.removeIf(p -> !skills.containsKey(p)));
    related.entrySet().removeIf(e -> !skills.containsKey(e.getKey()));
    related.values().forEach(others -> others.removeIf(o -> !skills.containsKey(o)));
    read(
        "occupations_en",
        r -> {
          String id = Labels.id(r.get("conceptUri"));
          occupations.put(
              id,
              new Occupation(
                  id,
                  r.get("conceptUri"),
                  r.get("preferredLabel"),
                  Labels.split(r.get("altLabels")),
                  r.get("iscoGroup")));
        });
    return new Taxonomy(readVersion(), skills, broader, related, occupations);
  }

  public String version() {
    return version;
  }

  public int skillCount() {
    return (int) skills.values().stream().filter(s -> s.kind() != Kind.GROUP).count();
  }

  public int groupCount() {
    return (int) skills.values().stream().filter(s -> s.kind() == Kind.GROUP).count();
  }

  public int occupationCount() {
    return occupations.size();
  }

  /** Every skill and group, ordered by id. */
  public List<Skill> all() {
    return skills.values().stream().sorted(java.util.Comparator.comparing(Skill::id)).toList();
  }

  public Optional<Skill> byId(String idOrUri) {
    return Optional.ofNullable(skills.get(Labels.id(idOrUri)));
  }

  /**
   * A skill or group by id, URI, preferred or alternative label, ignoring case, punctuation and
   * spacing.
   */
  public Optional<Skill> lookup(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    return byId(text).or(() -> skillLabels.exact(text));
  }

  /**
   * Autocomplete and near misses, best first: exact labels, then prefixes, then similar spellings.
   */
  public List<Suggestion> suggest(String text, int limit) {
    return skillLabels.search(text, limit).stream()
        .map(hit -> new Suggestion(hit.item(), hit.label(), hit.score()))
        .toList();
  }

  /** Direct broader concepts (skills or groups). */
  public Set<String> broader(String id) {
    return broader.getOrDefault(Labels.id(id), Set.of());
  }

  /** Direct narrower concepts. */
  public Set<String> narrower(String id) {
    return narrower.getOrDefault(Labels.id(id), Set.of());
  }

  /** Skills related by an essential or optional skill-to-skill relation, in either direction. */
  public Set<String> related(String id) {
    return related.getOrDefault(Labels.id(id), Set.of());
  }

  /**
   * How a skill a person {@code has} relates to one a vacancy {@code needs}: the same, narrower
   * (within two steps, including a member of a needed group), broader (within two steps), related,
   * or not at all.
   */
  public Proximity proximity(String has, String needs) {
    String have = Labels.id(has);
    String need = Labels.id(needs);
    if (have.equals(need)) {
      return Proximity.EXACT;
    }
    if (within(have, need, broader)) {
      return Proximity.NARROWER;
    }
    if (within(need, have, broader)) {
      return Proximity.BROADER;
    }
    return related(have).contains(need) ? Proximity.RELATED : Proximity.NONE;
  }

  public Optional<Occupation> occupation(String idOrUri) {
    return Optional.ofNullable(occupations.get(Labels.id(idOrUri)));
  }

  public Optional<Occupation> lookupOccupation(String label) {
    return label == null ? Optional.empty() : occupationLabels.exact(label);
  }

  public List<Occupation> suggestOccupations(String text, int limit) {
    return occupationLabels.search(text, limit).stream().map(LabelIndex.Hit::item).toList();
  }

  private static boolean within(String from, String target, Map<String, Set<String>> step) {
    Deque<String> frontier = new ArrayDeque<>(List.of(from));
    for (int hop = 0; hop < PROXIMITY_HOPS && !frontier.isEmpty(); hop++) {
      Deque<String> next = new ArrayDeque<>();
      for (String id : frontier) {
        for (String up : step.getOrDefault(id, Set.of())) {
          if (up.equals(target)) {
            return true;
          }
          next.add(up);
        }
      }
      frontier = next;
    }
    return false;
  }

  private static void edge(Map<String, Set<String>> edges, String from, String to) {
    if (!from.equals(to)) {
      edges.computeIfAbsent(from, k -> new HashSet<>()).add(to);
    }
  }

  /**
   * Sorted, so what the API shows (and every walk over the graph) comes out in the same order each
   * run.
   */
  private static Map<String, Set<String>> freeze(Map<String, Set<String>> edges) {
    Map<String, Set<String>> frozen = new HashMap<>();
    edges.forEach(
        (k, v) ->
            frozen.put(k, java.util.Collections.unmodifiableSortedSet(new java.util.TreeSet<>(v))));
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
      CSVFormat format =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setIgnoreSurroundingSpaces(false)
              .get();
      try (CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
        parser.forEach(row);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static String readVersion() {
    try (InputStream in = Taxonomy.class.getResourceAsStream(BASE + "VERSION")) {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
