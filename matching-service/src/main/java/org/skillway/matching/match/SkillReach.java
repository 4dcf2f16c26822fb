package org.skillway.matching.match;

import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import org.skillway.events.SkillLevel;

/**
 * Every skill a person reaches: their own (exact), the broader concepts above them within two steps
 * (their skill is narrower), the narrower ones below within two steps (their skill is broader), and
 * related skills. Computed once per profile, so scoring a vacancy is one map look-up per required
 * skill.
 */
public final class SkillReach {
  static final int HOPS = 2;

  private final Map<String, Reach> reach;

  private SkillReach(Map<String, Reach> reach) {
    this.reach = Map.copyOf(reach);
  }

  public static SkillReach of(List<SkillLevel> skills, SkillGraph graph) {
    Map<String, Reach> reach = new HashMap<>();
    for (SkillLevel have : skills) {
      offer(reach, have.skillId(), new Reach(have.skillId(), have.level(), Proximity.EXACT));
      walk(reach, have, graph::broader, Proximity.NARROWER);
      walk(reach, have, graph::narrower, Proximity.BROADER);
      for (String related : graph.related(have.skillId())) {
        offer(reach, related, new Reach(have.skillId(), have.level(), Proximity.RELATED));
      }
    }
    return new SkillReach(reach);
  }

  private static void walk(
      Map<String, Reach> reach,
      SkillLevel have,
      Function<String, Set<String>> step,
      Proximity proximity) {
    Set<String> frontier = Set.of(have.skillId());
    for (int hop = 0; hop < HOPS; hop++) {
      java.util.HashSet<String> next = new java.util.HashSet<>();
      for (String id : frontier) {
        for (String reached : step.apply(id)) {
          offer(reach, reached, new Reach(have.skillId(), have.level(), proximity));
          next.add(reached);
        }
      }
      frontier = next;
    }
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
