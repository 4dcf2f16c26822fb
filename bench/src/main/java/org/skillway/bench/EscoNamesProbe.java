package org.skillway.bench;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.function.Consumer;
import java.util.function.Function;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.zip.GZIPInputStream;
import java.util.zip.ZipFile;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.skillway.ingest.skill.SkillCatalogue;
import org.skillway.taxonomy.Occupation;
import org.skillway.taxonomy.Skill;
import org.skillway.taxonomy.Taxonomy;

/**
 * How many of ESCO's own names for its concepts the API accepts. Reads the ESCO source files (not
 * the bundled copies: {@code ../shared/data/esco/} for v1.2.0 and {@code ../shared/data/esco-full/}
 * for v1.1.1, which are not in the repository) and asks ingest's {@link SkillCatalogue} for every
 * skill, skill group and occupation by URI, by bare id, by preferred label and by each alternative
 * label of either release, and for each preferred label also in capitals, with extra spaces, with a
 * full stop and in American spelling. Each answer is sorted into: the concept itself; another
 * concept whose preferred label it is (the rule: a name is first the concept it names); another
 * concept that has it as an alternative label too (ESCO gives it to both); another concept that
 * does not have it at all (wrong); or refused.
 *
 * <p>Run from the repository root after {@code ./mvnw -pl bench -am package -DskipTests}: {@code
 * java -cp "$(cat bench/target/classpath.txt):bench/target/classes"
 * org.skillway.bench.EscoNamesProbe ../shared/data 8}, where {@code ../shared/data} holds {@code
 * esco/} and {@code esco-full/} and 8 is how many examples of each kind of miss to print.
 */
public final class EscoNamesProbe {
  private static final String PREFIX = "http://data.europa.eu/esco/";

  /** What the API did with one name. */
  enum Outcome {
    ITSELF("itself"),
    PREFERRED_OF_ANOTHER("another concept's preferred label"),
    SHARED("another concept with the same label"),
    WRONG("another concept without that label"),
    REFUSED("refused");

    final String text;

    Outcome(String text) {
      this.text = text;
    }
  }

  /** A concept as the source files describe it, labels of both releases together. */
  private static final class Concept {
    final String uri;
    final Set<String> preferred = new LinkedHashSet<>();
    final Set<String> alternative = new LinkedHashSet<>();
    boolean current;

    Concept(String uri) {
      this.uri = uri;
    }

    String id() {
      return uri.substring(PREFIX.length());
    }
  }

  private final Map<String, Map<Outcome, Integer>> counts = new LinkedHashMap<>();
  private final Map<String, List<String>> examples = new HashMap<>();
  private final int exampleLimit;

  private EscoNamesProbe(int exampleLimit) {
    this.exampleLimit = exampleLimit;
  }

  public static void main(String[] args) throws IOException {
    Path data = Path.of(args.length > 0 ? args[0] : "../shared/data");
    int exampleLimit = args.length > 1 ? Integer.parseInt(args[1]) : 5;
    Path current = data.resolve("esco");
    Path full = data.resolve("esco-full");
    if (!Files.isDirectory(current) || !Files.isDirectory(full)) {
      throw new IllegalArgumentException("no ESCO source files under " + data.toAbsolutePath());
    }
    long start = System.nanoTime();
    SkillCatalogue catalogue = new SkillCatalogue(Taxonomy.loadBundled());
    EscoNamesProbe probe = new EscoNamesProbe(exampleLimit);

    Map<String, Concept> skills = readSkills(current, full);
    probe.measure("skill", skills, name -> catalogue.find(name).map(Skill::id));
    probe.measureOccupationFileLabels(full, catalogue);
    Map<String, Concept> occupations = readOccupations(current, full);
    probe.measure(
        "occupation", occupations, name -> catalogue.findOccupation(name).map(Occupation::id));
    probe.print();
    System.out.printf("(%d s)%n", (System.nanoTime() - start) / 1_000_000_000);
  }

  /** Every skill and group of v1.1.1 and v1.2.0; current = named anywhere in v1.2.0. */
  private static Map<String, Concept> readSkills(Path current, Path full) throws IOException {
    Map<String, Concept> concepts = new TreeMap<>();
    Path classification = full.resolve("esco-v1.1.1-classification-en-csv.zip");
    for (String member : List.of("skills_en.csv", "skillGroups_en.csv")) {
      zipRows(
          classification,
          member,
          r -> {
            Concept c = concepts.computeIfAbsent(r.get("conceptUri").trim(), Concept::new);
            labels(c, r.get("preferredLabel"), r.get("altLabels"));
          });
    }
    for (String file :
        List.of(
            "digitalSkillsCollection_en",
            "greenSkillsCollection_en",
            "transversalSkillsCollection_en",
            "languageSkillsCollection_en",
            "digCompSkillsCollection_en",
            "skillGroups_en")) {
      rows(
          current.resolve(file + ".csv"),
          r -> {
            Concept c = concepts.computeIfAbsent(r.get("conceptUri").trim(), Concept::new);
            c.current = true;
            labels(c, r.get("preferredLabel"), r.get("altLabels"));
          });
    }
    rows(
        current.resolve("skillsHierarchy_en.csv"),
        r -> {
          for (int level = 0; level <= 3; level++) {
            String uri = r.get("Level " + level + " URI");
            if (uri != null && !uri.isBlank()) {
              Concept c = concepts.computeIfAbsent(uri.trim(), Concept::new);
              c.current = true;
              labels(c, r.get("Level " + level + " preferred term"), "");
            }
          }
        });
    rows(
        current.resolve("broaderRelationsSkillPillar_en.csv"),
        r -> {
          for (String column : List.of("conceptUri", "broaderUri")) {
            Concept c = concepts.get(r.get(column).trim());
            if (c != null) {
              c.current = true;
            }
          }
        });
    return concepts;
  }

  private static Map<String, Concept> readOccupations(Path current, Path full) throws IOException {
    Map<String, Concept> concepts = new TreeMap<>();
    zipRows(
        full.resolve("esco-v1.1.1-classification-en-csv.zip"),
        "occupations_en.csv",
        r -> {
          Concept c = concepts.computeIfAbsent(r.get("conceptUri").trim(), Concept::new);
          labels(c, r.get("preferredLabel"), r.get("altLabels"));
        });
    rows(
        current.resolve("occupations_en.csv"),
        r -> {
          Concept c = concepts.computeIfAbsent(r.get("conceptUri").trim(), Concept::new);
          c.current = true;
          labels(c, r.get("preferredLabel"), r.get("altLabels"));
        });
    return concepts;
  }

  /**
   * Our copy of v1.2.0 has "aura" replaced by "cloud" in places ("restcloudnt"); the bundled files
   * were corrected, so the probe reads these labels corrected too.
   */
  private static String repaired(String label) {
    return label.replace("restcloudnt", "restaurant").replace("Restcloudnt", "Restaurant");
  }

  private static void labels(Concept c, String preferred, String alternatives) {
    if (preferred != null && !preferred.isBlank()) {
      c.preferred.add(repaired(preferred.trim()));
    }
    if (alternatives != null) {
      for (String alt : alternatives.split("\n| \\| ")) {
        if (!alt.isBlank()) {
          c.alternative.add(repaired(alt.trim()));
        }
      }
    }
  }

  /**
   * Asks for every concept by URI, id and label. A retired concept (v1.1.1 only) must be refused by
   * URI and is left out of the label counts: its labels may rightly find a current concept.
   */
  private void measure(
      String kind, Map<String, Concept> concepts, Function<String, Optional<String>> resolve) {
    Map<String, Set<String>> preferredOf = new HashMap<>();
    Map<String, Set<String>> labelOf = new HashMap<>();
    for (Concept c : concepts.values()) {
      if (!c.current) {
        continue;
      }
      c.preferred.forEach(
          l -> preferredOf.computeIfAbsent(key(l), k -> new HashSet<>()).add(c.id()));
      c.preferred.forEach(l -> labelOf.computeIfAbsent(key(l), k -> new HashSet<>()).add(c.id()));
      c.alternative.forEach(l -> labelOf.computeIfAbsent(key(l), k -> new HashSet<>()).add(c.id()));
    }
    int retiredAccepted = 0;
    int retired = 0;
    for (Concept c : concepts.values()) {
      if (!c.current) {
        retired++;
        if (resolve.apply(c.uri).isPresent()) {
          retiredAccepted++;
          example(kind + " retired, accepted by URI", c.uri);
        }
        continue;
      }
      Function<String, Outcome> judge =
          name -> {
            Optional<String> found = resolve.apply(name);
            if (found.isEmpty()) {
              return Outcome.REFUSED;
            }
            if (found.get().equals(c.id())) {
              return Outcome.ITSELF;
            }
            String k = key(name);
            if (preferredOf.getOrDefault(k, Set.of()).contains(found.get())) {
              return Outcome.PREFERRED_OF_ANOTHER;
            }
            return labelOf.getOrDefault(k, Set.of()).contains(found.get())
                ? Outcome.SHARED
                : Outcome.WRONG;
          };
      count(kind + " URI", c, c.uri, judge);
      count(kind + " bare id", c, c.id(), judge);
      count(kind + " URI with https", c, c.uri.replace("http://", "https://"), judge);
      count(kind + " URI with a trailing slash", c, c.uri + "/", judge);
      for (String label : c.preferred) {
        count(kind + " preferred label", c, label, judge);
        count(kind + " preferred label in capitals", c, label.toUpperCase(Locale.ROOT), judge);
        count(
            kind + " preferred label, extra spaces",
            c,
            "  " + label.replace(" ", "  ") + " ",
            judge);
        count(kind + " preferred label with a full stop", c, label + ".", judge);
        String american = american(label);
        if (!american.equals(label)) {
          count(kind + " preferred label in American spelling", c, american, judge);
        }
      }
      for (String label : c.alternative) {
        if (!c.preferred.contains(label)) {
          count(kind + " alternative label", c, label, judge);
        }
      }
    }
    System.out.printf(
        "%s: %d current concepts; %d retired (v1.1.1 only), %d of them accepted by URI%n",
        kind, concepts.values().stream().filter(c -> c.current).count(), retired, retiredAccepted);
  }

  /** The v1.2.0 occupation-skill file names skills by preferred label only, some new in v1.2.0. */
  private void measureOccupationFileLabels(Path full, SkillCatalogue catalogue) throws IOException {
    Set<String> labels = new TreeSet<>();
    try (Reader in =
            new InputStreamReader(
                new GZIPInputStream(
                    Files.newInputStream(full.resolve("occupationSkills_v1.2.0_by_label.csv.gz"))),
                StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(in).setFormat(format()).get()) {
      parser.forEach(r -> labels.add(repaired(r.get("skillLabel").trim())));
    }
    for (String label : labels) {
      Optional<Skill> found = catalogue.find(label);
      Outcome outcome = found.isPresent() ? Outcome.ITSELF : Outcome.REFUSED;
      String what = "skill label of the v1.2.0 occupation profiles (found: any current concept)";
      counts
          .computeIfAbsent(what, k -> new EnumMap<>(Outcome.class))
          .merge(outcome, 1, Integer::sum);
      if (outcome == Outcome.REFUSED) {
        example(what + ": refused", label);
      }
    }
  }

  private void count(String what, Concept c, String name, Function<String, Outcome> judge) {
    Outcome outcome = judge.apply(name);
    counts.computeIfAbsent(what, k -> new EnumMap<>(Outcome.class)).merge(outcome, 1, Integer::sum);
    if (outcome == Outcome.WRONG || outcome == Outcome.REFUSED || outcome == Outcome.SHARED) {
      example(what + ": " + outcome.text, "'" + name + "' for " + c.id() + " " + c.preferred);
    }
  }

  private void example(String what, String text) {
    List<String> list = examples.computeIfAbsent(what, k -> new ArrayList<>());
    if (list.size() < exampleLimit) {
      list.add(text);
    }
  }

  private void print() {
    System.out.println();
    StringBuilder header = new StringBuilder("| name | asked |");
    StringBuilder rule = new StringBuilder("| --- | --- |");
    for (Outcome o : Outcome.values()) {
      header.append(' ').append(o.text).append(" |");
      rule.append(" --- |");
    }
    System.out.println(header);
    System.out.println(rule);
    counts.forEach(
        (what, byOutcome) -> {
          int total = byOutcome.values().stream().mapToInt(Integer::intValue).sum();
          StringBuilder line = new StringBuilder("| " + what + " | " + total + " |");
          for (Outcome o : Outcome.values()) {
            int n = byOutcome.getOrDefault(o, 0);
            line.append(n == 0 ? " 0 |" : String.format(" %d (%.1f %%) |", n, 100.0 * n / total));
          }
          System.out.println(line);
        });
    System.out.println();
    new TreeMap<>(examples)
        .forEach(
            (what, list) -> {
              System.out.println(what + ":");
              list.forEach(e -> System.out.println("    " + e));
            });
  }

  /**
   * The label as the probe compares labels: lower case, letters, digits, + and # only, and British
   * spelling for the words {@link #american} changes, so that two labels differing only in spelling
   * count as the same label.
   */
  private static String key(String label) {
    StringBuilder out = new StringBuilder();
    for (String word : label.toLowerCase(Locale.ROOT).split("[^\\p{L}\\p{N}+#]+")) {
      if (!word.isEmpty()) {
        out.append(out.isEmpty() ? "" : " ")
            .append(BRITISH_WORDS.getOrDefault(word, british(word)));
      }
    }
    return out.toString();
  }

  private static final Pattern IZE =
      Pattern.compile("(\\p{L}{3,})(i|y)z(e|ed|es|ing|ation|ations)");

  private static String british(String word) {
    Matcher ize = IZE.matcher(word);
    return ize.matches() ? ize.group(1) + ize.group(2) + "s" + ize.group(3) : word;
  }

  /** Words ending "-ise" that American English spells the same. */
  private static final Set<String> SAME_IN_AMERICAN =
      Set.of(
          "advertise",
          "advise",
          "comprise",
          "compromise",
          "concise",
          "cruise",
          "demise",
          "despise",
          "devise",
          "disguise",
          "enterprise",
          "exercise",
          "expertise",
          "franchise",
          "improvise",
          "merchandise",
          "noise",
          "otherwise",
          "paradise",
          "poise",
          "praise",
          "precise",
          "premise",
          "promise",
          "raise",
          "revise",
          "rise",
          "supervise",
          "surmise",
          "surprise",
          "televise",
          "treatise",
          "wise",
          "liaise",
          "practise",
          "reprise",
          "chastise");

  private static final Pattern WORD = Pattern.compile("\\p{L}+");
  private static final Pattern ISE = Pattern.compile("(\\p{L}{3,})is(e|ed|es|ing|ation|ations)");
  private static final Pattern YSE = Pattern.compile("(\\p{L}{2,})ys(e|ed|es|ing)");
  private static final Map<String, String> WORDS =
      Map.ofEntries(
          Map.entry("colour", "color"),
          Map.entry("behaviour", "behavior"),
          Map.entry("labour", "labor"),
          Map.entry("favour", "favor"),
          Map.entry("flavour", "flavor"),
          Map.entry("neighbour", "neighbor"),
          Map.entry("odour", "odor"),
          Map.entry("vapour", "vapor"),
          Map.entry("harbour", "harbor"),
          Map.entry("tumour", "tumor"),
          Map.entry("centre", "center"),
          Map.entry("centres", "centers"),
          Map.entry("metre", "meter"),
          Map.entry("litre", "liter"),
          Map.entry("theatre", "theater"),
          Map.entry("fibre", "fiber"),
          Map.entry("catalogue", "catalog"),
          Map.entry("dialogue", "dialog"),
          Map.entry("licence", "license"),
          Map.entry("defence", "defense"),
          Map.entry("offence", "offense"),
          Map.entry("modelling", "modeling"),
          Map.entry("travelling", "traveling"),
          Map.entry("labelling", "labeling"),
          Map.entry("counselling", "counseling"),
          Map.entry("jewellery", "jewelry"),
          Map.entry("ageing", "aging"),
          Map.entry("aluminium", "aluminum"),
          Map.entry("paediatric", "pediatric"),
          Map.entry("anaesthesia", "anesthesia"),
          Map.entry("orthopaedic", "orthopedic"),
          Map.entry("grey", "gray"));

  private static final Map<String, String> BRITISH_WORDS = new HashMap<>();

  static {
    WORDS.forEach((british, american) -> BRITISH_WORDS.put(american, british));
  }

  /** The label in American spelling, for the common British endings and words ESCO uses. */
  static String american(String label) {
    Matcher words = WORD.matcher(label);
    StringBuilder out = new StringBuilder();
    while (words.find()) {
      String word = words.group();
      String lower = word.toLowerCase(Locale.ROOT);
      String american = WORDS.get(lower);
      if (american == null) {
        Matcher ise = ISE.matcher(lower);
        Matcher yse = YSE.matcher(lower);
        if (ise.matches() && !SAME_IN_AMERICAN.contains(ise.group(1) + "ise")) {
          american = ise.group(1) + "iz" + ise.group(2);
        } else if (yse.matches()) {
          american = yse.group(1) + "yz" + yse.group(2);
        } else {
          american = lower;
        }
      }
      words.appendReplacement(
          out, Matcher.quoteReplacement(american.equals(lower) ? word : american));
    }
    words.appendTail(out);
    return out.toString();
  }

  private static CSVFormat format() {
    return CSVFormat.RFC4180.builder().setHeader().setSkipHeaderRecord(true).get();
  }

  private static void rows(Path file, Consumer<CSVRecord> row) throws IOException {
    try (Reader in = Files.newBufferedReader(file, StandardCharsets.UTF_8)) {
      read(in, row);
    }
  }

  private static void zipRows(Path archive, String member, Consumer<CSVRecord> row)
      throws IOException {
    try (ZipFile zip = new ZipFile(archive.toFile());
        InputStream in = zip.getInputStream(zip.getEntry(member))) {
      read(new InputStreamReader(in, StandardCharsets.UTF_8), row);
    }
  }

  private static void read(Reader in, Consumer<CSVRecord> row) {
    try (CSVParser parser = CSVParser.builder().setReader(in).setFormat(format()).get()) {
      parser.forEach(row);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
