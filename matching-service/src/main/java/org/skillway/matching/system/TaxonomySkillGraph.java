package org.skillway.matching.system;

import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.skillway.matching.match.SkillGraph;
import org.skillway.matching.match.Specificity;
import org.skillway.matching.match.Trades;
import org.skillway.taxonomy.Occupation;
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
    return listed(taxonomy, occupationId);
  }

  private static Set<String> listed(Taxonomy taxonomy, String occupationId) {
    Set<String> listed = new HashSet<>(taxonomy.essentialSkills(occupationId));
    listed.addAll(taxonomy.optionalSkills(occupationId));
    return Set.copyOf(listed);
  }

  @Override
  public String version() {
    return taxonomy.version();
  }

  /**
   * Two occupations are one trade when they are the same, or when ESCO files both under the same
   * ISCO-08 unit group and lists at least two thirds of the second's essential skills for the first
   * as well ("electrician" and "building electrician": 15 of 18). Same group alone is not enough:
   * "solar energy technician" is an electrician's group too, but shares 8 of its 25 essential
   * skills, so it is a move.
   */
  public static Trades trades(Taxonomy taxonomy) {
    Map<String, Set<String>> listedByOccupation = new ConcurrentHashMap<>();
    return (occupation, other) -> {
      if (occupation.equals(other)) {
        return true;
      }
      String group = taxonomy.occupation(occupation).map(Occupation::iscoGroup).orElse(null);
      if (group == null
          || group.length() != 4
          || !group.equals(taxonomy.occupation(other).map(Occupation::iscoGroup).orElse(null))) {
        return false;
      }
      List<String> essential = taxonomy.essentialSkills(other);
      Set<String> theirs = listedByOccupation.computeIfAbsent(occupation, o -> listed(taxonomy, o));
      long shared = essential.stream().filter(theirs::contains).count();
      return !essential.isEmpty() && 3 * shared >= 2L * essential.size();
    };
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
