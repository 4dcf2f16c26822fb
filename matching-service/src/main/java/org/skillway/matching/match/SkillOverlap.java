package org.skillway.matching.match;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.skillway.events.SkillLevel;

/**
 * How many of a vacancy's required skills a person has at the required level. A profile with no
 * skills scores 0: missing data never counts as agreement.
 *
 * @param score 0 to 100, the share of required skills met, rounded half up
 * @param matched required skills the person meets, in the vacancy's order
 * @param missing required skills the person lacks or has below the required level, in the vacancy's
 *     order
 */
public record SkillOverlap(int score, List<String> matched, List<String> missing) {

  public static SkillOverlap of(List<SkillLevel> has, List<SkillLevel> required) {
    if (required.isEmpty()) {
      return new SkillOverlap(0, List.of(), List.of());
    }
    Map<String, Integer> levels = new HashMap<>();
    has.forEach(skill -> levels.merge(skill.skillId(), skill.level(), Math::max));
    List<String> matched = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    for (SkillLevel need : required) {
      if (levels.getOrDefault(need.skillId(), 0) >= need.level()) {
        matched.add(need.skillId());
      } else {
        missing.add(need.skillId());
      }
    }
    int score = (int) Math.round(100.0 * matched.size() / required.size());
    return new SkillOverlap(score, List.copyOf(matched), List.copyOf(missing));
  }
}
