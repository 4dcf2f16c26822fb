package org.skillway.matching.match;

import java.util.Set;

/**
 * The skills taxonomy as matching sees it: which concepts are broader, narrower or related.
 * Implemented over the ESCO taxonomy module; a port so the scoring rules stay free of how the
 * taxonomy is loaded.
 */
public interface SkillGraph {
  Set<String> broader(String skillId);

  Set<String> narrower(String skillId);

  Set<String> related(String skillId);

  /** Recorded on every match, so a taxonomy update can be rolled out and re-scored on purpose. */
  String version();
}
