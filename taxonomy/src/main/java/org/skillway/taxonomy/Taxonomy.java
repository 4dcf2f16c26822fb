package org.skillway.taxonomy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.EnumSet;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.function.Consumer;
import java.util.zip.GZIPInputStream;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * The whole ESCO skills pillar, loaded from the files bundled in this module: every skill and body
 * of knowledge of ESCO v1.1.1 together with the v1.2.0 collections (digital, green, transversal,
 * language, DigComp), all skill groups with the hierarchy above them, broader and related links
 * across the pillar, the occupations and each occupation's essential and optional skills. Read-only
 * and thread-safe once loaded.
 *
 * <p>Where both releases have a concept, the v1.2.0 row wins. A v1.1.1 concept v1.2.0 no longer
 * names is {@linkplain Skill#retired() retired}: {@link #byId} still finds it, so stored ids keep
 * working, but {@link #lookup} and {@link #suggest} never offer it for new input. The v1.1.1 labels
 * of a concept v1.2.0 renamed, and of an occupation, stay names it is found by. A small file of
 * synonyms ({@code esco/synonyms.csv}) adds everyday words ESCO has no label for, such as "Excel".
 *
 * <p>This service uses the ESCO classification of the European Commission.
 */
public final class Taxonomy {
  private static final String BASE = "/esco/";
  private static final int PROXIMITY_HOPS = 2;
  static final String CURRENT = "1.2.0";
  static final String PREVIOUS = "1.1.1";

  private static final Map<String, Collection> COLLECTIONS =
      Map.of(
          "digitalSkillsCollection_en", Collection.DIGITAL,
          "greenSkillsCollection_en", Collection.GREEN,
          "transversalSkillsCollection_en", Collection.TRANSVERSAL,
          "languageSkillsCollection_en", Collection.LANGUAGE,
          "digCompSkillsCollection_en", Collection.DIGCOMP);

  /** Read in this order, so which collection's row gives a skill its labels never varies. */
  private static final List<String> COLLECTION_FILES =
      List.of(
          "digitalSkillsCollection_en",
          "greenSkillsCollection_en",
          "transversalSkillsCollection_en",
          "languageSkillsCollection_en",
          "digCompSkillsCollection_en");

  private final String version;
  private final Map<String, Skill> skills;
  private final Map<String, Set<String>> broader;
  private final Map<String, Set<String>> narrower;
  private final Map<String, Set<String>> related;
  private final LabelIndex<Skill> skillLabels =
      new LabelIndex<>(s -> s.preferredLabel() + "\u0000" + s.id());
  private final Map<String, Occupation> occupations;
  private final LabelIndex<Occupation> occupationLabels;
  private final OccupationProfiles profiles;

  private Taxonomy(
      String version,
      Map<String, Skill> skills,
      Map<String, Set<String>> broader,
      Map<String, Set<String>> related,
      Map<String, List<String>> previousLabels,
      List<Synonym> synonyms,
      OccupationPart occupationPart) {
    this.version = version;
    this.skills = Map.copyOf(skills);
    this.broader = freeze(broader);
    Map<String, Set<String>> inverse = new HashMap<>();
    broader.forEach(
        (child, parents) ->
            parents.forEach(p -> inverse.computeIfAbsent(p, k -> new HashSet<>()).add(child)));
    this.narrower = freeze(inverse);
    this.related = freeze(related);
    this.occupations = occupationPart.occupations();
    this.occupationLabels = occupationPart.labels();
    this.profiles = occupationPart.profiles();
    // Preferred labels first, so a label that is one concept's name and another's synonym finds the
    // former; of two concepts with the same name, a skill or knowledge concept before a skill group
    // ("biology" is both). Then the labels v1.1.1 gave a concept v1.2.0 renamed: a name from either
    // release is found, but never one v1.2.0 gives another concept. Our own synonyms last, so they
    // never take a label ESCO gives. Retired concepts get no labels: they are not offered for new
    // input.
    List<Skill> offered = skills.values().stream().filter(s -> !s.retired()).toList();
    offered.stream()
        .filter(s -> s.kind() != Kind.GROUP)
        .forEach(s -> skillLabels.addPreferred(s.preferredLabel(), s));
    offered.stream()
        .filter(s -> s.kind() == Kind.GROUP)
        .forEach(s -> skillLabels.addPreferred(s.preferredLabel(), s));
    offered.forEach(s -> s.altLabels().forEach(label -> skillLabels.add(label, s)));
    previousLabels.forEach(
        (id, labels) -> labels.forEach(label -> skillLabels.add(label, skills.get(id))));
    synonyms.forEach(synonym -> skillLabels.add(synonym.typed(), skills.get(synonym.skillId())));
    skillLabels.compact();
  }

  /** The occupations, their labels and their skill profiles: loaded alongside the skills. */
  private record OccupationPart(
      Map<String, Occupation> occupations,
      LabelIndex<Occupation> labels,
      OccupationProfiles profiles) {

    static OccupationPart load() {
      Ids ids = new Ids();
      Map<String, Occupation> occupations = new LinkedHashMap<>();
      read(
          "occupations_en",
          r -> {
            String id = ids.of(r.get("conceptUri"));
            occupations.put(
                id,
                new Occupation(
                    id,
                    r.get("conceptUri"),
                    r.get("preferredLabel"),
                    Labels.split(r.get("altLabels")),
                    r.get("iscoGroup")));
          });
      LabelIndex<Occupation> labels = new LabelIndex<>(o -> o.preferredLabel() + "\u0000" + o.id());
      occupations.values().forEach(o -> labels.addPreferred(o.preferredLabel(), o));
      occupations.values().forEach(o -> o.altLabels().forEach(label -> labels.add(label, o)));
      // Then the names v1.1.1 gave an occupation that v1.2.0 no longer does, after every v1.2.0
      // label so that one never moves to another occupation.
      readLines(
          "occupationLabels_v1.1.1.tsv.gz",
          line -> {
            String[] fields = tabs(line, 2);
            Occupation occupation = occupations.get(fields[0]);
            if (occupation != null) {
              Labels.splitOn(fields[1], '|').forEach(label -> labels.add(label, occupation));
            }
          });
      labels.compact();
      OccupationProfiles profiles =
          OccupationProfiles.read(open(BASE + "occupationSkills_en.txt.gz"), ids);
      return new OccupationPart(Map.copyOf(occupations), labels, profiles);
    }
  }

  /** Loads the bundled ESCO files (well under 2 s cold on a 2-core machine; see BENCHMARKS.md). */
  public static Taxonomy loadBundled() {
    // Two cores: a second thread reads the v1.1.1 rows, then the occupations, while this one reads
    // the v1.2.0 files and then builds the label index.
    ExecutorService second =
        Executors.newSingleThreadExecutor(
            task -> {
              Thread thread = new Thread(task, "taxonomy-loader");
              thread.setDaemon(true);
              return thread;
            });
    CompletableFuture<List<String[]>> previousRows =
        CompletableFuture.supplyAsync(Taxonomy::readPreviousRelease, second);
    CompletableFuture<OccupationPart> occupationPart =
        CompletableFuture.supplyAsync(OccupationPart::load, second);
    second.shutdown();
    Ids ids = new Ids();
    Map<String, Skill> skills = new LinkedHashMap<>();
    Map<String, Set<String>> broader = new HashMap<>();
    Map<String, Set<String>> related = new HashMap<>();
    // Every concept ESCO v1.2.0 names anywhere; a v1.1.1 concept outside it is retired.
    Set<String> current = new HashSet<>();

    // Skill groups, then the hierarchy's levels (some level-0/1 concepts are not in the group
    // file).
    read(
        "skillGroups_en",
        r -> {
          String id = ids.of(r.get("conceptUri"));
          current.add(id);
          skills.put(
              id,
              new Skill(
                  id,
                  r.get("conceptUri"),
                  r.get("preferredLabel"),
                  Labels.split(r.get("altLabels")),
                  Kind.GROUP,
                  Set.of(),
                  r.get("description"),
                  ReuseLevel.UNKNOWN,
                  CURRENT,
                  false));
        });
    read(
        "skillsHierarchy_en",
        r -> {
          String parent = null;
          for (int level = 0; level <= 3; level++) {
            String uri = r.get("Level " + level + " URI");
            if (uri == null || uri.isBlank()) {
              break;
            }
            String id = ids.of(uri);
            current.add(id);
            String label = r.get("Level " + level + " preferred term");
            skills.putIfAbsent(
                id,
                new Skill(
                    id,
                    uri,
                    label,
                    List.of(),
                    Kind.GROUP,
                    Set.of(),
                    "",
                    ReuseLevel.UNKNOWN,
                    CURRENT,
                    false));
            if (parent != null) {
              edge(broader, id, parent);
            }
            parent = id;
          }
        });
    Map<String, Set<Collection>> membership = new HashMap<>();
    Map<String, CSVRecord> skillRows = new LinkedHashMap<>();
    for (String file : COLLECTION_FILES) {
      Collection collection = COLLECTIONS.get(file);
      read(
          file,
          r -> {
            String id = ids.of(r.get("conceptUri"));
            membership.computeIfAbsent(id, k -> EnumSet.noneOf(Collection.class)).add(collection);
            skillRows.putIfAbsent(id, r);
          });
    }
    skillRows.forEach(
        (id, r) -> {
          current.add(id);
          skills.put(
              id,
              new Skill(
                  id,
                  r.get("conceptUri"),
                  r.get("preferredLabel"),
                  Labels.split(r.get("altLabels")),
                  kind(r.get("skillType")),
                  Set.copyOf(membership.get(id)),
                  r.get("description"),
                  ReuseLevel.fromEsco(r.get("reuseLevel")),
                  CURRENT,
                  false));
          for (String parent : r.get("broaderConceptUri").split("\\|")) {
            if (!parent.isBlank()) {
              edge(broader, id, ids.of(parent));
            }
          }
        });
    read(
        "broaderRelationsSkillPillar_en",
        r -> {
          String child = ids.of(r.get("conceptUri"));
          String parent = ids.of(r.get("broaderUri"));
          current.add(child);
          current.add(parent);
          edge(broader, child, parent);
        });
    read(
        "skillSkillRelations_en",
        r -> {
          String a = ids.of(r.get("originalSkillUri"));
          String b = ids.of(r.get("relatedSkillUri"));
          edge(related, a, b);
          edge(related, b, a);
        });
    // The rest of the pillar from v1.1.1: a concept v1.2.0 has a row for keeps that row, and the
    // v1.1.1 labels as other names it may be sent by.
    Map<String, List<String>> previousLabels = new LinkedHashMap<>();
    for (String[] f : previousRows.join()) {
      String id = ids.of(f[0]);
      if (skills.containsKey(id)) {
        List<String> labels = new ArrayList<>(Labels.splitOn(f[4], '|'));
        labels.add(0, f[3]);
        previousLabels.put(id, labels);
      } else {
        skills.put(
            id,
            new Skill(
                id,
                Labels.URI_PREFIX + id,
                f[3],
                Labels.splitOn(f[4], '|'),
                kind(f[1]),
                Set.of(),
                f[5],
                ReuseLevel.fromEsco(f[2]),
                PREVIOUS,
                !current.contains(id)));
      }
    }
    // v1.1.1 links, only those touching a retired concept (the file holds no others).
    read(
        "relations_v1.1.1",
        r -> {
          String from = ids.of(r.get("from"));
          String to = ids.of(r.get("to"));
          if ("broader".equals(r.get("relation"))) {
            edge(broader, from, to);
          } else {
            edge(related, from, to);
            edge(related, to, from);
          }
        });
    // Keep only links between concepts we hold: about a hundred v1.2.0 concepts are named by id
    // alone, with no labels in any bundled file.
    broader.entrySet().removeIf(e -> !skills.containsKey(e.getKey()));
    broader.values().forEach(parents -> parents.removeIf(p -> !skills.containsKey(p)));
    related.entrySet().removeIf(e -> !skills.containsKey(e.getKey()));
    related.values().forEach(others -> others.removeIf(o -> !skills.containsKey(o)));
    List<Synonym> synonyms = Synonym.readBundled(BASE + "synonyms.csv");
    for (Synonym synonym : synonyms) {
      Skill target = skills.get(synonym.skillId());
      if (target == null || target.retired()) {
        throw new IllegalStateException(
            "synonyms.csv: '" + synonym.typed() + "' names no current skill " + synonym.skillId());
      }
      if (!target.preferredLabel().equals(synonym.preferredLabel())) {
        throw new IllegalStateException(
            "synonyms.csv: '"
                + synonym.typed()
                + "' expects '"
                + synonym.preferredLabel()
                + "' but ESCO now calls it '"
                + target.preferredLabel()
                + "'");
      }
    }
    return new Taxonomy(
        readVersion(), skills, broader, related, previousLabels, synonyms, occupationPart.join());
  }

  public String version() {
    return version;
  }

  /** Skills and bodies of knowledge, retired ones included. */
  public int skillCount() {
    return (int) skills.values().stream().filter(s -> s.kind() != Kind.GROUP).count();
  }

  /** Skills and knowledge of ESCO v1.1.1 that v1.2.0 no longer names. */
  public int retiredCount() {
    return (int) skills.values().stream().filter(Skill::retired).count();
  }

  public int groupCount() {
    return (int) skills.values().stream().filter(s -> s.kind() == Kind.GROUP).count();
  }

  public int occupationCount() {
    return occupations.size();
  }

  /** Every skill and group, retired ones included (see {@link Skill#retired()}), ordered by id. */
  public List<Skill> all() {
    return skills.values().stream().sorted(java.util.Comparator.comparing(Skill::id)).toList();
  }

  /**
   * A skill or group by id or URI, retired ones included: for reading what was stored. New input
   * goes through {@link #lookup}.
   */
  public Optional<Skill> byId(String idOrUri) {
    return Optional.ofNullable(skills.get(Labels.id(idOrUri)));
  }

  /**
   * A skill or group for new input: by id, URI (http or https, with or without a trailing slash),
   * preferred or alternative label of ESCO v1.2.0 or v1.1.1, or one of our synonyms, ignoring case,
   * punctuation and spacing, in British or American spelling. Where two concepts share a label, the
   * one it names beats one it is another name of, a skill or knowledge concept beats a group, and
   * v1.2.0 beats v1.1.1; otherwise the first in ESCO's files. Never a retired concept, even by id;
   * use {@link #byId} to read a stored one.
   */
  public Optional<Skill> lookup(String text) {
    if (text == null || text.isBlank()) {
      return Optional.empty();
    }
    return byId(text).filter(s -> !s.retired()).or(() -> skillLabels.exact(text));
  }

  /**
   * Autocomplete and near misses, best first: exact labels, then prefixes, then labels with a word
   * starting with the text, then similar spellings; within each, labels the text covers more of
   * come first. Never a retired concept.
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

  /**
   * An occupation by a preferred or alternative label of ESCO v1.2.0 or v1.1.1, read as {@link
   * #lookup} reads skill labels.
   */
  public Optional<Occupation> lookupOccupation(String label) {
    return label == null ? Optional.empty() : occupationLabels.exact(label);
  }

  public List<Occupation> suggestOccupations(String text, int limit) {
    return occupationLabels.search(text, limit).stream().map(LabelIndex.Hit::item).toList();
  }

  /**
   * The skill ids ESCO v1.2.0 lists as essential for an occupation, in ESCO's order; empty for an
   * unknown occupation.
   */
  public List<String> essentialSkills(String occupationIdOrUri) {
    return profiles.essential(Labels.id(occupationIdOrUri));
  }

  /** The skill ids ESCO v1.2.0 lists as optional for an occupation, in ESCO's order. */
  public List<String> optionalSkills(String occupationIdOrUri) {
    return profiles.optional(Labels.id(occupationIdOrUri));
  }

  private static Kind kind(String skillType) {
    return "knowledge".equals(skillType) ? Kind.KNOWLEDGE : Kind.SKILL;
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

  /** A bundled gzipped resource as text. */
  static Reader open(String resource) {
    InputStream in = Taxonomy.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing bundled file " + resource);
    }
    try {
      return new InputStreamReader(new GZIPInputStream(in, 1 << 16), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /**
   * The v1.1.1 skills file's rows: id, skillType, reuseLevel, preferredLabel, alternative labels
   * joined by "|", description (unescaped).
   */
  private static List<String[]> readPreviousRelease() {
    List<String[]> rows = new ArrayList<>(14_000);
    readLines(
        "skills_v1.1.1_en.tsv.gz",
        line -> {
          String[] fields = tabs(line, 6);
          fields[5] = unescape(fields[5]);
          rows.add(fields);
        });
    return rows;
  }

  /** Each line after the header of a gzipped resource. */
  private static void readLines(String file, Consumer<String> line) {
    try (BufferedReader in = new BufferedReader(open(BASE + file), 1 << 16)) {
      in.readLine();
      for (String next = in.readLine(); next != null; next = in.readLine()) {
        line.accept(next);
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** A tab-separated line's first {@code count} fields. */
  private static String[] tabs(String line, int count) {
    String[] fields = new String[count];
    int from = 0;
    for (int i = 0; i < count - 1; i++) {
      int tab = line.indexOf('\t', from);
      if (tab < 0) {
        throw new IllegalStateException("expected " + count + " fields: " + line);
      }
      fields[i] = line.substring(from, tab);
      from = tab + 1;
    }
    fields[count - 1] = line.substring(from);
    return fields;
  }

  /** Undoes the derived files' {@code \\n} and {@code \\\\} escapes. */
  private static String unescape(String text) {
    if (text.indexOf('\\') < 0) {
      return text;
    }
    StringBuilder out = new StringBuilder(text.length());
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c == '\\' && i + 1 < text.length()) {
        char next = text.charAt(++i);
        out.append(next == 'n' ? '\n' : next);
      } else {
        out.append(c);
      }
    }
    return out.toString();
  }

  private static void read(String file, Consumer<CSVRecord> row) {
    try (Reader reader = open(BASE + file + ".csv.gz")) {
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
