package org.skillway.matching.match;

import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.skillway.events.SkillLevel;

/**
 * Every skill a person reaches: their own (exact), the broader concepts above them within two steps
 * (their skill is narrower), the narrower ones below within two steps (their skill is broader), and
 * related skills. Computed once per query, so scoring a vacancy is one look-up per required skill.
 */
public final class SkillReach {
  private final Map<String, Reach> reach;

  private SkillReach(Map<String, Reach> reach) {
    this.reach = Collections.unmodifiableMap(reach);
  }

  /** Walks the graph; for many profiles, keep one {@link Neighbourhoods} and use the other form. */
  public static SkillReach of(List<SkillLevel> skills, SkillGraph graph) {
    return of(skills, new Neighbourhoods(graph));
  }

  public static SkillReach of(List<SkillLevel> skills, Neighbourhoods neighbourhoods) {
    Map<String, Reach> reach = new HashMap<>();
    for (SkillLevel have : skills) {
      offer(reach, have.skillId(), new Reach(have.skillId(), have.level(), Proximity.EXACT));
    }
    for (SkillLevel have : skills) {
      for (Neighbourhoods.Near near : neighbourhoods.reachedFrom(have.skillId())) {
        offer(reach, near.skillId(), new Reach(have.skillId(), have.level(), near.proximity()));
      }
    }
    return new SkillReach(reach);
  }

  private static void offer(Map<String, Reach> reach, String skillId, Reach candidate) {
    reach.merge(skillId, candidate, (old, offered) -> offered.betterThan(old) ? offered : old);
  }

  /** How the person reaches {@code skillId}, or {@code null} if they do not. */
  public Reach get(String skillId) {
    return reach.get(skillId);
  }

  /** Every skill reached, with how; for accumulating candidate vacancies in the index. */
  public Map<String, Reach> entries() {
    return reach;
  }

  /** Every skill reached, for finding candidate vacancies in the index. */
  public Set<String> skills() {
    return reach.keySet();
  }

  public boolean isEmpty() {
    return reach.isEmpty();
  }
}
