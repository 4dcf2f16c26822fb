package org.skillway.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

class TaxonomyTest {
  static final String HASKELL = "skill/000f1d3d-220f-4789-9c0a-cc742521fb02";
  static final String PROGRAMMING = "skill/21d2f96d-35f7-4e3f-9745-c533d2dd6e97";
  static final String DIGITAL_CONTENT = "skill/f5369f2f-e52b-43d8-8d31-79a6c11188d8";
  static final String SOFTWARE_GROUP = "isced-f/0613";
  static final String CPP = "skill/b633eb55-8f1f-4ae6-ab4c-2022ffe2cb7f";
  static final String CSHARP = "skill/4c016b68-4116-468c-9dc6-42710c239e4a";
  static final String JAVA = "skill/19a8293b-8e95-4de3-983f-77484079c389";

  static Taxonomy taxonomy;

  @BeforeAll
  static void load() {
    taxonomy = Taxonomy.loadBundled();
  }

  @Test
  void holdsTheBundledCollectionsAllSkillGroupsAndTheOccupations() {
    assertThat(taxonomy.version()).isEqualTo("esco-1.2");
    assertThat(taxonomy.skillCount()).isGreaterThan(2_000);
    assertThat(taxonomy.groupCount()).isGreaterThanOrEqualTo(640);
    assertThat(taxonomy.occupationCount()).isEqualTo(3_039);
  }

  /** The ESCO copy we received spelt it "restcloudnt"; hospitality roles must be findable. */
  @Test
  void hospitalityOccupationsAreSpeltSoPeopleCanFindThem() {
    assertThat(taxonomy.lookupOccupation("restaurant manager"))
        .map(Occupation::preferredLabel)
        .contains("restaurant manager");
    assertThat(taxonomy.suggestOccupations("restcloudnt", 50))
        .extracting(Occupation::preferredLabel)
        .noneMatch(label -> label.contains("cloudnt"));
  }

  @Test
  void looksUpByIdUriOrAnyLabelIgnoringCasePunctuationAndSpacing() {
    assertThat(taxonomy.lookup(HASKELL)).map(Skill::preferredLabel).contains("Haskell");
    assertThat(taxonomy.lookup("http://data.europa.eu/esco/" + HASKELL))
        .map(Skill::id)
        .contains(HASKELL);
    assertThat(taxonomy.lookup("  haskell!! ")).map(Skill::id).contains(HASKELL);
    // An alternative label is a synonym.
    assertThat(taxonomy.lookup("Haskell techniques")).map(Skill::id).contains(HASKELL);
    assertThat(taxonomy.lookup("java computer programming")).map(Skill::id).contains(JAVA);
  }

  @Test
  void keepsPlusAndHashSoCPlusPlusAndCSharpStayApart() {
    assertThat(taxonomy.lookup("c++")).map(Skill::id).contains(CPP);
    assertThat(taxonomy.lookup("C#")).map(Skill::id).contains(CSHARP);
    assertThat(taxonomy.lookup("C++"))
        .map(Skill::id)
        .isNotEqualTo(taxonomy.lookup("C#").map(Skill::id));
  }

  @Test
  void suggestsPrefixesFirstAndNearMissesForMisspellings() {
    List<Suggestion> prefix = taxonomy.suggest("hask", 5);
    assertThat(prefix.get(0).skill().id()).isEqualTo(HASKELL);

    assertThat(taxonomy.suggest("machne lerning", 5))
        .extracting(s -> s.skill().preferredLabel())
        .contains("machine learning");
    assertThat(taxonomy.suggest("haskel", 3)).extracting(s -> s.skill().id()).contains(HASKELL);
  }

  @Test
  void skillGroupsOfEverySectorAreFoundByLabel() {
    assertThat(taxonomy.lookup("nursing and midwifery")).map(Skill::kind).contains(Kind.GROUP);
    assertThat(taxonomy.lookup("Accounting and taxation")).map(Skill::id).contains("isced-f/0411");
    assertThat(taxonomy.lookup("joining parts using soldering, welding or brazing techniques"))
        .map(Skill::kind)
        .contains(Kind.GROUP);
  }

  @Test
  void linksComeOutInTheSameOrderEveryRunAndNothingCanBeChangedFromOutside() {
    assertThat(new java.util.ArrayList<>(taxonomy.narrower(PROGRAMMING))).isSorted();
    Skill haskell = taxonomy.byId(HASKELL).orElseThrow();
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> haskell.altLabels().add("x"))
        .isInstanceOf(UnsupportedOperationException.class);
  }

  @Test
  void broaderAndNarrowerAreInverses() {
    assertThat(taxonomy.broader(HASKELL)).contains(PROGRAMMING, SOFTWARE_GROUP);
    assertThat(taxonomy.narrower(PROGRAMMING)).contains(HASKELL, CPP, CSHARP);
  }

  @Test
  void proximitySaysHowAHeldSkillRelatesToANeededOne() {
    assertThat(taxonomy.proximity(HASKELL, HASKELL)).isEqualTo(Proximity.EXACT);
    assertThat(taxonomy.proximity(HASKELL, PROGRAMMING)).isEqualTo(Proximity.NARROWER);
    // Two steps up: Haskell -> computer programming -> digital content creation.
    assertThat(taxonomy.proximity(HASKELL, DIGITAL_CONTENT)).isEqualTo(Proximity.NARROWER);
    // A member of a needed skill group is narrower than the group.
    assertThat(taxonomy.proximity(CPP, SOFTWARE_GROUP)).isEqualTo(Proximity.NARROWER);
    assertThat(taxonomy.proximity(PROGRAMMING, HASKELL)).isEqualTo(Proximity.BROADER);
    assertThat(taxonomy.proximity(HASKELL, "isced-f/0913")).isEqualTo(Proximity.NONE);
  }

  @Test
  void skillToSkillRelationsWorkBothWays() {
    Skill migrate = taxonomy.lookup("migrate existing data").orElseThrow();
    Skill mining = taxonomy.lookup("data mining").orElseThrow();

    assertThat(taxonomy.related(migrate.id())).contains(mining.id());
    assertThat(taxonomy.related(mining.id())).contains(migrate.id());
    assertThat(taxonomy.proximity(migrate.id(), mining.id())).isEqualTo(Proximity.RELATED);
  }

  @Test
  void occupationsAreFoundByLabelAndSuggested() {
    assertThat(taxonomy.lookupOccupation("Software Developer"))
        .map(Occupation::iscoGroup)
        .contains("2512");
    assertThat(taxonomy.suggestOccupations("softwre developr", 5))
        .extracting(Occupation::preferredLabel)
        .contains("software developer");
  }
}
