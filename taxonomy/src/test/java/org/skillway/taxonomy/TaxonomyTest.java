package org.skillway.taxonomy;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
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
  static final String ICT_SECURITY_POLICIES = "skill/14d1e367-3efe-4ec5-86ae-eca48710ee4e";
  static final String RETIRED = "skill/01267c89-b27f-4de0-b555-3683c5a5d66e";
  static final String PROJECT_MANAGEMENT = "skill/7111b95d-0ce3-441a-9d92-4c75d05c4388";
  static final String FRESH_WATER_ECOSYSTEMS = "skill/7493634f-30ea-4f2f-8fd4-c78b4a309bf7";
  static final String THINK_INNOVATIVELY = "skill/c2a0c52c-0b4b-4180-a918-92650ea3b458";
  static final String ASSUME_RESPONSIBILITY = "skill/199f7919-5114-41b6-b6a5-41e0e4896ec1";
  static final String MEET_COMMITMENTS = "skill/113b4428-0a31-4199-8496-070af7854b91";
  static final String ANALYSE_LEGAL_EVIDENCE = "skill/303a54a3-ff8a-4f29-b598-e54ce54c2b48";
  static final String BIOLOGY = "skill/9433da85-70fa-4a25-8f96-71fa59dd1989";
  static final String TILE_FITTER = "occupation/02447817-ea01-4d8b-b09c-8bc128e447e6";

  static Taxonomy taxonomy;

  @BeforeAll
  static void load() {
    taxonomy = Taxonomy.loadBundled();
  }

  @Test
  void holdsTheWholeSkillsPillarOfBothReleasesAllSkillGroupsAndTheOccupations() {
    assertThat(taxonomy.version()).isEqualTo("esco-1.2.0+1.1.1");
    // 13,896 v1.1.1 skills and knowledge concepts plus the 127 that only v1.2.0's collections have.
    assertThat(taxonomy.skillCount()).isEqualTo(13_896 + 127);
    assertThat(taxonomy.retiredCount()).isEqualTo(194);
    assertThat(taxonomy.groupCount()).isGreaterThanOrEqualTo(640);
    assertThat(taxonomy.occupationCount()).isEqualTo(3_039);
  }

  @Test
  void skillsOfEverySectorAreFineGrainedNow() {
    Skill forklift = taxonomy.lookup("operate forklift").orElseThrow();
    assertThat(forklift.kind()).isEqualTo(Kind.SKILL);
    assertThat(forklift.reuseLevel()).isEqualTo(ReuseLevel.CROSS_SECTOR);
    assertThat(forklift.escoVersion()).isEqualTo("1.1.1");
    assertThat(forklift.retired()).isFalse();
    assertThat(forklift.collections()).isEmpty();
    assertThat(forklift.description()).isNotBlank();
    assertThat(taxonomy.broader(forklift.id())).isNotEmpty();

    assertThat(taxonomy.lookup("work in teams").map(Skill::reuseLevel))
        .contains(ReuseLevel.TRANSVERSAL);
    assertThat(taxonomy.lookup("nursing science").map(Skill::kind)).contains(Kind.KNOWLEDGE);
    assertThat(taxonomy.byId(SOFTWARE_GROUP).map(Skill::reuseLevel)).contains(ReuseLevel.UNKNOWN);
  }

  @Test
  void whereBothReleasesHaveAConceptTheNewerRowWins() {
    // v1.1.1 called it "implement ICT safety policies".
    Skill policies = taxonomy.byId(ICT_SECURITY_POLICIES).orElseThrow();
    assertThat(policies.preferredLabel()).isEqualTo("implement ICT security policies");
    assertThat(policies.escoVersion()).isEqualTo("1.2.0");
    assertThat(policies.collections()).contains(Collection.DIGITAL);
    assertThat(taxonomy.byId(HASKELL).map(Skill::escoVersion)).contains("1.2.0");
  }

  /** A v1.1.1 concept v1.2.0 no longer names: stored ids still read, new input cannot use it. */
  @Test
  void aRetiredConceptIsFoundByIdButNeverOfferedForNewInput() {
    Skill retired = taxonomy.byId(RETIRED).orElseThrow();
    assertThat(retired.preferredLabel()).isEqualTo("assess nutritional characteristics of food");
    assertThat(retired.retired()).isTrue();
    assertThat(retired.escoVersion()).isEqualTo("1.1.1");

    assertThat(taxonomy.lookup(RETIRED)).isEmpty();
    assertThat(taxonomy.lookup("http://data.europa.eu/esco/" + RETIRED)).isEmpty();
    assertThat(taxonomy.lookup("assess nutritional characteristics of food"))
        .map(Skill::id)
        .isNotEqualTo(java.util.Optional.of(RETIRED));
    assertThat(taxonomy.suggest("assess nutritional characteristics of food", 20))
        .extracting(s -> s.skill().id())
        .doesNotContain(RETIRED);
    assertThat(taxonomy.all()).filteredOn(Skill::retired).hasSize(194);
  }

  /**
   * The words people type for common skills, with the ESCO skill that must be among the first three
   * suggestions. HTML, Excel, teamwork, nursing and cooking come from esco/synonyms.csv (it says
   * why each is right); the others are ESCO's own labels.
   */
  @Test
  void everydayWordsFindTheRightSkillAmongTheFirstThreeSuggestions() {
    Map<String, String> fitting =
        Map.of(
            "HTML", "use markup languages",
            "Excel", "use spreadsheets software",
            "forklift", "operate forklift",
            "teamwork", "work in teams",
            "nursing", "implement nursing care",
            "cooking", "use cooking techniques",
            "customer service", "customer service",
            "first aid", "first aid",
            "project management", "project management");
    fitting.forEach(
        (typed, label) ->
            assertThat(taxonomy.suggest(typed, 3))
                .as(typed)
                .extracting(s -> s.skill().preferredLabel())
                .contains(label));
    assertThat(taxonomy.lookup("HTML").map(Skill::preferredLabel)).contains("use markup languages");
    assertThat(taxonomy.lookup("project management").map(Skill::id)).contains(PROJECT_MANAGEMENT);
  }

  @Test
  void aPrefixOffersTheSkillsItBegins() {
    assertThat(taxonomy.suggest("weld", 5))
        .extracting(Suggestion::matchedLabel)
        .allMatch(label -> label.toLowerCase(java.util.Locale.ROOT).contains("weld"));
    assertThat(taxonomy.suggest("weld", 5))
        .extracting(s -> s.skill().preferredLabel())
        .contains("operate welding equipment");
    List<Suggestion> nurs = taxonomy.suggest("nurs", 3);
    assertThat(nurs)
        .extracting(Suggestion::matchedLabel)
        .allMatch(label -> label.toLowerCase(java.util.Locale.ROOT).startsWith("nurs"));
    assertThat(nurs.get(0).skill().preferredLabel()).isEqualTo("implement nursing care");
  }

  @Test
  void anExactLabelTwoConceptsShareOffersTheOneItNamesFirst() {
    // "project management" is the name of one skill and an alternative label of another.
    assertThat(taxonomy.suggest("project management", 2))
        .extracting(s -> s.skill().id())
        .first()
        .isEqualTo(PROJECT_MANAGEMENT);
  }

  @Test
  void occupationsListTheirEssentialAndOptionalSkills() {
    assertEssential("head chef", "use cooking techniques", "plan menus", "manage staff");
    assertEssential(
        "welder", "operate welding equipment", "perform metal inert gas welding", "join metals");
    assertEssential(
        "nurse responsible for general care",
        "implement nursing care",
        "infection control",
        "first aid");
    assertEssential("shop supervisor", "manage staff", "monitor customer service");
    assertEssential("retail department manager", "set sales goals", "supervise sales activities");
    assertEssential(
        "accountant", "prepare financial statements", "calculate tax", "bookkeeping regulations");

    String chef = taxonomy.lookupOccupation("head chef").orElseThrow().id();
    assertThat(taxonomy.optionalSkills(chef))
        .isNotEmpty()
        .doesNotContainAnyElementsOf(taxonomy.essentialSkills(chef));
    assertThat(taxonomy.essentialSkills("occupation/not-there")).isEmpty();
  }

  @Test
  void everyOccupationHasAProfileOfSkillsTheTaxonomyHolds() {
    List<String> occupations =
        List.of("head chef", "welder", "accountant", "software developer", "shop supervisor");
    for (String label : occupations) {
      String id = taxonomy.lookupOccupation(label).orElseThrow().id();
      assertThat(taxonomy.essentialSkills(id)).as(label).isNotEmpty().doesNotHaveDuplicates();
      assertThat(taxonomy.essentialSkills(id))
          .as(label)
          .allSatisfy(skill -> assertThat(taxonomy.byId(skill)).isPresent());
    }
  }

  private static void assertEssential(String occupation, String... skills) {
    Occupation found = taxonomy.lookupOccupation(occupation).orElseThrow();
    assertThat(found.preferredLabel()).isEqualTo(occupation);
    assertThat(taxonomy.essentialSkills(found.id()))
        .as(occupation)
        .extracting(id -> taxonomy.byId(id).orElseThrow().preferredLabel())
        .contains(skills);
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

  /** Among the whole pillar's labels, unrelated ones share a few letters with any misspelling. */
  @Test
  void aMisspellingIsNotPaddedWithUnrelatedSkills() {
    assertThat(taxonomy.suggest("Pythn", 3))
        .extracting(s -> s.skill().preferredLabel())
        .containsExactly("Python (computer programming)");
    assertThat(taxonomy.suggest("hask", 3))
        .extracting(s -> s.skill().preferredLabel())
        .containsExactly("Haskell");
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

  /**
   * ESCO v1.2.0 renamed some skills it kept from v1.1.1 ("understand fresh water ecosystems" is now
   * "fresh water ecosystems"); adverts and CVs written against either release must still find them.
   */
  @Test
  void aSkillIsFoundByTheNamesOfEitherRelease() {
    assertThat(taxonomy.lookup("fresh water ecosystems"))
        .map(Skill::id)
        .contains(FRESH_WATER_ECOSYSTEMS);
    assertThat(taxonomy.lookup("understand fresh water ecosystems"))
        .map(Skill::id)
        .contains(FRESH_WATER_ECOSYSTEMS);
    assertThat(taxonomy.lookup("think innovately")).map(Skill::id).contains(THINK_INNOVATIVELY);
    // What it is called now is unchanged.
    assertThat(taxonomy.byId(FRESH_WATER_ECOSYSTEMS).map(Skill::preferredLabel))
        .contains("fresh water ecosystems");
  }

  /**
   * "show responsibility" was a v1.1.1 name of "assume responsibility"; v1.2.0 gives it to "meet
   * commitments" instead, and the newer release decides.
   */
  @Test
  void aNameTheNewerReleaseGaveAnotherSkillFindsThatSkill() {
    assertThat(taxonomy.lookup("show responsibility")).map(Skill::id).contains(MEET_COMMITMENTS);
    assertThat(taxonomy.lookup("assume responsibility"))
        .map(Skill::id)
        .contains(ASSUME_RESPONSIBILITY);
  }

  @Test
  void americanSpellingFindsWhatEscoSpellsTheBritishWay() {
    assertThat(taxonomy.lookup("analyze legal evidence"))
        .map(Skill::id)
        .contains(ANALYSE_LEGAL_EVIDENCE);
    assertThat(taxonomy.lookup("behavioral science"))
        .map(Skill::preferredLabel)
        .contains("behavioural science");
    assertThat(taxonomy.lookup("teacher training with subject specialization"))
        .map(Skill::id)
        .contains("isced-f/0114");
    // and the other way round, where ESCO has only the American spelling
    assertThat(taxonomy.lookup("customise orthopaedic footwear"))
        .isPresent()
        .isEqualTo(taxonomy.lookup("customize orthopaedic footwear"));
    assertThat(taxonomy.lookupOccupation("color sampling operator"))
        .map(Occupation::preferredLabel)
        .contains("colour sampling operator");
    assertThat(taxonomy.lookupOccupation("clothing specialized seller"))
        .map(Occupation::preferredLabel)
        .contains("clothing specialised seller");
  }

  @Test
  void aUriIsFoundWrittenWithHttpsOrATrailingSlashButARetiredOneStaysRefused() {
    assertThat(taxonomy.lookup("https://data.europa.eu/esco/" + HASKELL))
        .map(Skill::id)
        .contains(HASKELL);
    assertThat(taxonomy.lookup("http://data.europa.eu/esco/" + HASKELL + "/"))
        .map(Skill::id)
        .contains(HASKELL);
    assertThat(taxonomy.occupation("https://data.europa.eu/esco/" + TILE_FITTER))
        .map(Occupation::preferredLabel)
        .contains("tile fitter");
    assertThat(taxonomy.lookup("https://data.europa.eu/esco/" + RETIRED)).isEmpty();
  }

  /** "biology" names both a knowledge concept and the ISCED field above it. */
  @Test
  void aNameOfBothAKnowledgeConceptAndASkillGroupFindsTheKnowledge() {
    assertThat(taxonomy.lookup("biology")).map(Skill::id).contains(BIOLOGY);
    assertThat(taxonomy.lookup("isced-f/0511")).map(Skill::preferredLabel).contains("biology");
  }

  @Test
  void anOccupationIsFoundByTheNamesOfEitherRelease() {
    assertThat(taxonomy.lookupOccupation("tile fitter")).map(Occupation::id).contains(TILE_FITTER);
    assertThat(taxonomy.lookupOccupation("tile setter")).map(Occupation::id).contains(TILE_FITTER);
    assertThat(taxonomy.lookupOccupation("laboratory technician, asphalt"))
        .map(Occupation::preferredLabel)
        .contains("asphalt laboratory technician");
  }
}
