package org.skillway.matching.match;

import java.util.Set;

/**
 * The skills taxonomy as matching sees it: which concepts are broader, narrower or related, and
 * which skills an occupation's profile lists. Implemented over the ESCO taxonomy module; a port so
 * the scoring rules stay free of how the taxonomy is loaded.
 */
public interface SkillGraph {
  Set<String> broader(String skillId);

  Set<String> narrower(String skillId);

  Set<String> related(String skillId);

  /**
   * The skills an occupation's profile lists as essential, by id; empty for an unknown occupation
   * (or a graph without occupation profiles).
   */
  default Set<String> essentialSkills(String occupationId) {
    return Set.of();
  }

  /** Every skill an occupation's profile lists, essential or optional, by id. */
  default Set<String> occupationSkills(String occupationId) {
    return Set.of();
  }

  /** Recorded on every match, so a taxonomy update can be rolled out and re-scored on purpose. */
  String version();
}
