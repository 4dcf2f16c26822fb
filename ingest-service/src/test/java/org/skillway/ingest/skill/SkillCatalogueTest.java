package org.skillway.ingest.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillway.events.SkillLevel;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
import org.skillway.taxonomy.Skill;
import org.skillway.taxonomy.Taxonomy;

/** What a person or an employer is told about the skills and occupations they name. */
class SkillCatalogueTest {
  private static final Taxonomy TAXONOMY = Taxonomy.loadBundled();
  private final SkillCatalogue catalogue = new SkillCatalogue(TAXONOMY);

  @Test
  void aSkillRetiredFromEscoIsRefusedForNewInputSayingSoWithCurrentOnesToChoose() {
    Skill retired = TAXONOMY.all().stream().filter(Skill::retired).findFirst().orElseThrow();

    assertThatThrownBy(
            () -> catalogue.resolve("requiredSkills", List.of(new SkillRequest(retired.id(), 2))))
        .isInstanceOfSatisfying(
            ApiProblemException.class,
            problem -> {
              FieldError error = problem.errors().get(0);
              assertThat(error.field()).isEqualTo("requiredSkills[0].skillId");
              assertThat(error.reason())
                  .isEqualTo(
                      "'"
                          + retired.preferredLabel()
                          + "' was retired from ESCO in version 1.2.0 and cannot be added any"
                          + " more; choose a current skill");
              assertThat(error.suggestions())
                  .allSatisfy(
                      s -> assertThat(TAXONOMY.byId(s.value()).orElseThrow().retired()).isFalse());
            });
    // while what was stored under it still has its name
    assertThat(catalogue.label(retired.id())).isEqualTo(retired.preferredLabel());
  }

  @Test
  void anOccupationsEssentialSkillsThatAVacancyLeftOutAreSuggestedInEscoOrder() {
    String chef = TAXONOMY.lookupOccupation("head chef").orElseThrow().id();
    List<FieldError.Suggestion> essential = catalogue.essentialSkills(chef);
    assertThat(essential).hasSizeGreaterThan(3);

    List<FieldError.Suggestion> leftOut =
        catalogue.essentialSkillsLeftOut(chef, List.of(essential.get(1).value()));

    assertThat(leftOut).hasSize(essential.size() - 1).doesNotContain(essential.get(1));
    assertThat(leftOut.get(0)).isEqualTo(essential.get(0));
    assertThat(catalogue.essentialSkillsLeftOut(null, List.of())).isEmpty();
  }

  /**
   * Job adverts name skills by ESCO URI (often copied from a browser, so https), by the labels of
   * ESCO v1.1.1 or v1.2.0, or in American spelling; each is stored under the one ESCO id.
   */
  @Test
  void aVacancysSkillsNamedByEitherReleaseOrSpellingAreStoredUnderTheirEscoIds() {
    List<SkillRequest> named =
        List.of(
            new SkillRequest(
                " https://data.europa.eu/esco/skill/000f1d3d-220f-4789-9c0a-cc742521fb02/ ", 3),
            new SkillRequest("understand fresh water ecosystems", 2),
            new SkillRequest("analyze legal evidence", 2),
            new SkillRequest("C#", 1),
            new SkillRequest("C++", 1));

    assertThat(catalogue.resolve("requiredSkills", named))
        .extracting(SkillLevel::skillId)
        .containsExactly(
            "skill/000f1d3d-220f-4789-9c0a-cc742521fb02",
            "skill/7493634f-30ea-4f2f-8fd4-c78b4a309bf7",
            "skill/303a54a3-ff8a-4f29-b598-e54ce54c2b48",
            "skill/4c016b68-4116-468c-9dc6-42710c239e4a",
            "skill/b633eb55-8f1f-4ae6-ab4c-2022ffe2cb7f");
  }

  @Test
  void anOccupationNamedByItsOlderLabelOrAnHttpsUriIsFound() {
    String tileFitter = "occupation/02447817-ea01-4d8b-b09c-8bc128e447e6";

    assertThat(catalogue.resolveOccupation("occupation", "Tile setter").id()).isEqualTo(tileFitter);
    assertThat(
            catalogue
                .resolveOccupation("occupation", "https://data.europa.eu/esco/" + tileFitter)
                .preferredLabel())
        .isEqualTo("tile fitter");
  }
}
