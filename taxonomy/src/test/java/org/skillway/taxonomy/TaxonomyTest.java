package org.skillway.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.tuple;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Runs against the bundled ESCO files; every id here was taken from those files. */
class TaxonomyTest {
  static final String URI = "http://data.europa.eu/esco/";
  static final String HASKELL = "skill/000f1d3d-220f-4789-9c0a-cc742521fb02";
  static final String JAVA = "skill/19a8293b-8e95-4de3-983f-77484079c389";
  static final String PYTHON = "skill/ccd0a1d9-afda-43d9-b901-96344886e14d";
  static final String CPP = "skill/b633eb55-8f1f-4ae6-ab4c-2022ffe2cb7f";
  static final String CSHARP = "skill/4c016b68-4116-468c-9dc6-42710c239e4a";
  static final String MACHINE_LEARNING = "skill/3a2d5b45-56e4-4f5a-a55a-4a4a65afdc43";
  static final String PROGRAMMING = "skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97";
  static final String DIGITAL_CONTENT_CREATION = "skill/f5369f2f-e52b-43d8-8d31-79a6c11188d8";
  static final String SOFTWARE_DEVELOPMENT_GROUP = "isced-f/0613";
  static final String ICT_GROUP = "isced-f/06";
  static final String NURSING_GROUP = "isced-f/0913";
  static final String ACCOUNTING_GROUP = "isced-f/0411";
  static final String JOINING_PARTS_GROUP = "skill/24a39c1b-b8cc-4210-8b74-b388a90e8f59";
  // A row of skillSkillRelations_en.csv: migrate existing data -> data mining, optional.
  static final String MIGRATE_DATA = "skill/020918ef-4b55-47c1-8430-ab7b8f6a7377";
  static final String DATA_MINING = "skill/25f0ea33-b4a2-4f31-b7b4-7d20e827b180";
  static final String SOFTWARE_DEVELOPER = "occupation/f2b15a0e-e65a-438a-affb-29b9d50b77d1";

  static Taxonomy taxonomy;

  @BeforeAll
  static void load() {
    taxonomy = Taxonomy.loadBundled();
  }

  @Test
  void holdsTheFiveCollectionsAllSkillGroupsAndEveryOccupation() {
    // Given the bundled files, when loaded (above), then
    assertThat(
            Map.of(
                "version", taxonomy.version(),
                "skills", taxonomy.skillCount(),
                "groups", taxonomy.groupCount(),
                "occupations", taxonomy.occupationCount()))
        .isEqualTo(
            Map.of("version", "esco-1.2", "skills", 2_307, "groups", 640, "occupations", 3_039));
    assertThat(taxonomy.all()).hasSize(2_307 + 640).isSortedAccordingTo(byId());
  }

  @Test
  void findsASkillByItsShortIdOrItsFullUri() {
    Skill haskell =
        new Skill(
            HASKELL,
            URI + HASKELL,
            "Haskell",
            List.of("Haskell techniques"),
            Kind.KNOWLEDGE,
            Set.of(Collection.DIGITAL),
            "The techniques and principles of software development, such as analysis, algorithms,"
                + " coding, testing and compiling of programming paradigms in Haskell.");

    assertThat(taxonomy.byId(HASKELL)).contains(haskell);
    assertThat(taxonomy.byId(URI + HASKELL)).contains(haskell);
    assertThat(taxonomy.lookup(" " + URI + HASKELL + " ")).contains(haskell);
    assertThat(taxonomy.byId("skill/not-in-esco")).isEmpty();
  }

  @Test
  void lookupIgnoresCasePunctuationAndRepeatedWhitespace() {
    // Given texts typed the way people type them
    List<String> typed =
        List.of(
            "  Python!! ", "PYTHON", "haskell.", "machine   learning", "Java computer programming");

    // When each is looked up
    List<String> ids =
        typed.stream().map(text -> taxonomy.lookup(text).map(Skill::id).orElse("none")).toList();

    // Then each finds its skill
    assertThat(ids).containsExactly(PYTHON, PYTHON, HASKELL, MACHINE_LEARNING, JAVA);
  }

  @Test
  void lookupTreatsAlternativeLabelsAsSynonyms() {
    assertThat(taxonomy.lookup("Haskell techniques")).map(Skill::id).contains(HASKELL);
    assertThat(taxonomy.lookup("c sharp")).map(Skill::id).contains(CSHARP);
    assertThat(taxonomy.lookup("Python 3K")).map(Skill::id).contains(PYTHON);
  }

  @Test
  void keepsPlusAndHashSoCPlusPlusCSharpAndCStayApart() {
    assertThat(taxonomy.lookup("c++")).map(Skill::id).contains(CPP);
    assertThat(taxonomy.lookup("C#")).map(Skill::id).contains(CSHARP);
    // ESCO has no skill called plain "C"; it must not fall back to C++ or C#.
    assertThat(taxonomy.lookup("C")).isEmpty();
  }

  @Test
  void findsTheSkillGroupsOfSectorsWithoutFineGrainedSkills() {
    // Given sector skills that exist in ESCO only as skill groups
    List<String> labels =
        List.of(
            "nursing and midwifery",
            "Accounting and Taxation",
            "joining parts using soldering, welding or brazing techniques");

    // When looked up
    List<Skill> found = labels.stream().map(label -> taxonomy.lookup(label).orElseThrow()).toList();

    // Then each is a group
    assertThat(found)
        .extracting(Skill::id, Skill::kind, Skill::collections)
        .containsExactly(
            tuple(NURSING_GROUP, Kind.GROUP, Set.of()),
            tuple(ACCOUNTING_GROUP, Kind.GROUP, Set.of()),
            tuple(JOINING_PARTS_GROUP, Kind.GROUP, Set.of()));
  }

  @Test
  void suggestsLabelsStartingWithTheTextBeforeAnythingElse() {
    // When someone has typed the start of a label
    List<Suggestion> suggestions = taxonomy.suggest("hask", 3);

    // Then that label comes first, as a prefix match
    assertThat(suggestions.get(0).skill().id()).isEqualTo(HASKELL);
    assertThat(suggestions.get(0).matchedLabel()).isEqualTo("Haskell");
    assertThat(suggestions.get(0).score()).isBetween(0.8, 0.9);
    assertThat(suggestions.subList(1, suggestions.size()))
        .allSatisfy(s -> assertThat(s.score()).isLessThan(0.7));
  }

  @Test
  void suggestsTheIntendedSkillForAMisspelling() {
    assertThat(taxonomy.suggest("pyhton", 5).get(0))
        .extracting(s -> s.skill().id(), Suggestion::matchedLabel)
        .containsExactly(PYTHON, "Python");
    assertThat(taxonomy.suggest("machne learning", 5).get(0))
        .extracting(s -> s.skill().id(), Suggestion::matchedLabel)
        .containsExactly(MACHINE_LEARNING, "machine learning");
    assertThat(taxonomy.suggest("haskel", 3).get(0).skill().id()).isEqualTo(HASKELL);
  }

  @Test
  void saysWhichLabelASuggestionMatched() {
    Skill csharp = taxonomy.byId(CSHARP).orElseThrow();

    assertThat(taxonomy.suggest("C Sharp", 1))
        .containsExactly(new Suggestion(csharp, "C Sharp", 1));
  }

  @Test
  void ordersSuggestionsByScoreThenPreferredLabelThenId() {
    // When the same text is asked for twice
    List<Suggestion> first = taxonomy.suggest("data", 30);
    List<Suggestion> second = taxonomy.suggest("data", 30);

    // Then the answer is the same, and in order
    assertThat(first).hasSize(30).isEqualTo(second);
    assertThat(first)
        .isSortedAccordingTo(
            Comparator.comparingDouble(Suggestion::score)
                .reversed()
                .thenComparing(s -> s.skill().preferredLabel(), String.CASE_INSENSITIVE_ORDER)
                .thenComparing(s -> s.skill().preferredLabel())
                .thenComparing(s -> s.skill().id()));
    assertThat(first).extracting(s -> s.skill().id()).doesNotHaveDuplicates();
  }

  @Test
  void suggestsNothingForBlankTextOrNoRoom() {
    assertThat(taxonomy.suggest("  ?! ", 5)).isEmpty();
    assertThat(taxonomy.suggest("python", 0)).isEmpty();
  }

  @Test
  void linksASkillToItsBroaderSkillAndGroupAndBack() {
    assertThat(taxonomy.broader(JAVA)).containsExactly(SOFTWARE_DEVELOPMENT_GROUP, PROGRAMMING);
    assertThat(taxonomy.broader(URI + JAVA)).isEqualTo(taxonomy.broader(JAVA));
    assertThat(taxonomy.narrower(PROGRAMMING)).contains(JAVA, HASKELL, CPP, CSHARP, PYTHON);
    assertThat(taxonomy.narrower(SOFTWARE_DEVELOPMENT_GROUP)).contains(JAVA, PROGRAMMING);
  }

  @Test
  void broaderAndNarrowerAreInversesEverywhere() {
    List<String> broken = new ArrayList<>();
    for (Skill concept : taxonomy.all()) {
      taxonomy.broader(concept.id()).stream()
          .filter(parent -> !taxonomy.narrower(parent).contains(concept.id()))
          .forEach(parent -> broken.add(concept.id() + " -> " + parent));
      taxonomy.narrower(concept.id()).stream()
          .filter(child -> !taxonomy.broader(child).contains(concept.id()))
          .forEach(child -> broken.add(concept.id() + " <- " + child));
    }

    assertThat(broken).isEmpty();
  }

  @Test
  void relatesSkillsInBothDirectionsOfARelation() {
    assertThat(taxonomy.related(MIGRATE_DATA)).contains(DATA_MINING);
    assertThat(taxonomy.related(DATA_MINING)).contains(MIGRATE_DATA);
  }

  @Test
  void proximityIsExactForTheSameSkillByIdOrUri() {
    assertThat(taxonomy.proximity(JAVA, URI + JAVA)).isEqualTo(Proximity.EXACT);
    // Free-text skill ids outside ESCO still match themselves.
    assertThat(taxonomy.proximity("sql", "sql")).isEqualTo(Proximity.EXACT);
  }

  @Test
  void proximityIsNarrowerWhenTheHeldSkillIsWithinTwoStepsBelowTheNeededOne() {
    // Java -> computer programming -> digital content creation
    assertThat(taxonomy.proximity(JAVA, PROGRAMMING)).isEqualTo(Proximity.NARROWER);
    assertThat(taxonomy.proximity(JAVA, DIGITAL_CONTENT_CREATION)).isEqualTo(Proximity.NARROWER);
  }

  @Test
  void proximityIsNarrowerWhenTheNeededSkillGroupContainsTheHeldSkill() {
    assertThat(taxonomy.proximity(CPP, SOFTWARE_DEVELOPMENT_GROUP)).isEqualTo(Proximity.NARROWER);
    // Three steps up (Haskell -> group 0613 -> 061 -> 06): a group holds all its members.
    assertThat(taxonomy.proximity(HASKELL, ICT_GROUP)).isEqualTo(Proximity.NARROWER);
  }

  @Test
  void proximityIsBroaderWhenTheHeldSkillIsWithinTwoStepsAboveTheNeededOne() {
    assertThat(taxonomy.proximity(PROGRAMMING, JAVA)).isEqualTo(Proximity.BROADER);
    assertThat(taxonomy.proximity(SOFTWARE_DEVELOPMENT_GROUP, JAVA)).isEqualTo(Proximity.BROADER);
    // Three steps down is too far for a broad skill to say anything about a specific one.
    assertThat(taxonomy.proximity(ICT_GROUP, HASKELL)).isEqualTo(Proximity.NONE);
  }

  @Test
  void proximityIsRelatedForASkillToSkillRelationInEitherDirection() {
    assertThat(taxonomy.proximity(MIGRATE_DATA, DATA_MINING)).isEqualTo(Proximity.RELATED);
    assertThat(taxonomy.proximity(DATA_MINING, MIGRATE_DATA)).isEqualTo(Proximity.RELATED);
  }

  @Test
  void proximityIsNoneForUnconnectedOrUnknownSkills() {
    assertThat(taxonomy.proximity(JAVA, NURSING_GROUP)).isEqualTo(Proximity.NONE);
    assertThat(taxonomy.proximity(JAVA, "excel")).isEqualTo(Proximity.NONE);
    assertThat(taxonomy.proximity("excel", JAVA)).isEqualTo(Proximity.NONE);
  }

  @Test
  void findsOccupationsByIdOrLabelAndSuggestsThem() {
    Occupation developer = taxonomy.occupation(URI + SOFTWARE_DEVELOPER).orElseThrow();

    assertThat(developer)
        .extracting(Occupation::id, Occupation::preferredLabel, Occupation::iscoGroup)
        .containsExactly(SOFTWARE_DEVELOPER, "software developer", "2512");
    assertThat(developer.altLabels()).contains("programmer", "software engineer");
    assertThat(taxonomy.lookupOccupation("Software Developer")).contains(developer);
    assertThat(taxonomy.lookupOccupation("application programmer")).contains(developer);
    assertThat(taxonomy.suggestOccupations("softwre developr", 5).get(0)).isEqualTo(developer);
  }

  @Test
  void recordsCannotBeChangedThroughTheirLists() {
    List<String> labels = new ArrayList<>(List.of("a"));
    Skill skill = new Skill("x/1", URI + "x/1", "x", labels, Kind.SKILL, Set.of(), null);

    labels.add("b");

    assertThat(skill.altLabels()).containsExactly("a");
    assertThat(skill.description()).isEmpty();
    assertThatThrownBy(() -> taxonomy.byId(JAVA).orElseThrow().altLabels().add("Kotlin"))
        .isInstanceOf(UnsupportedOperationException.class);
    assertThatThrownBy(() -> taxonomy.broader(JAVA).add(HASKELL))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  private static Comparator<Skill> byId() {
    return Comparator.comparing(Skill::id);
  }
}
