package org.skillway.ingest.skill;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.List;
import org.junit.jupiter.api.Test;
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
}
