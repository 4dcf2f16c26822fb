package org.skillway.matching.system;

import java.util.HashSet;
import java.util.Set;
import org.skillway.matching.match.SkillGraph;
import org.skillway.matching.match.Specificity;
import org.skillway.taxonomy.Taxonomy;

/**
 * The ESCO taxonomy as the scoring rules see it. Ids it does not know simply have no neighbours.
 */
public final class TaxonomySkillGraph implements SkillGraph {
  private final Taxonomy taxonomy;

  public TaxonomySkillGraph(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  @Override
  public Set<String> broader(String skillId) {
    return taxonomy.broader(skillId);
  }

  @Override
  public Set<String> narrower(String skillId) {
    return taxonomy.narrower(skillId);
  }

  @Override
  public Set<String> related(String skillId) {
    return taxonomy.related(skillId);
  }

  @Override
  public Set<String> essentialSkills(String occupationId) {
    return Set.copyOf(taxonomy.essentialSkills(occupationId));
  }

  @Override
  public Set<String> occupationSkills(String occupationId) {
    Set<String> listed = new HashSet<>(taxonomy.essentialSkills(occupationId));
    listed.addAll(taxonomy.optionalSkills(occupationId));
    return listed;
  }

  @Override
  public String version() {
    return taxonomy.version();
  }

  /** ESCO's reuse level of each skill, as {@link Specificity} counts it. */
  public static Specificity specificity(Taxonomy taxonomy) {
    return skillId ->
        taxonomy
            .byId(skillId)
            .map(
                skill ->
                    switch (skill.reuseLevel()) {
                      case TRANSVERSAL -> Specificity.TRANSVERSAL;
                      case CROSS_SECTOR -> Specificity.CROSS_SECTOR;
                      default -> Specificity.SPECIFIC;
                    })
            .orElse(Specificity.SPECIFIC);
  }
}
