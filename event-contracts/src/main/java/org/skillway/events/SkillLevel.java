package org.skillway.events;

/**
 * A skill with a level from 1 (aware) to 5 (expert). On a profile it is the person's level; on a
 * vacancy it is the minimum the employer asks for.
 *
 * @param weight on a vacancy's required skill: how much it counts against the others, 1 to 5
 *     ({@code null}: 1, all equal)
 * @param evidencedBy on a profile's skill: the university that loaded it, which vouches for it;
 *     {@code null}: the person declared it themselves
 */
public record SkillLevel(String skillId, int level, Integer weight, String evidencedBy) {
  public static final int MIN_LEVEL = 1;
  public static final int MAX_LEVEL = 5;
  public static final int MAX_WEIGHT = 5;

  public SkillLevel {
    Contracts.requireText(skillId, "skillId", 200);
    Contracts.requireRange(level, "level", MIN_LEVEL, MAX_LEVEL);
    Contracts.requireOptionalRange(weight, "weight", 1, MAX_WEIGHT);
    if (evidencedBy != null) {
      Contracts.requireText(evidencedBy, "evidencedBy", 64);
    }
  }

  /** A skill at a level, self-declared, of the usual weight. */
  public SkillLevel(String skillId, int level) {
    this(skillId, level, null, null);
  }

  /** The weight, 1 when none was given. */
  public int weightOrOne() {
    return weight == null ? 1 : weight;
  }

  public boolean evidenced() {
    return evidencedBy != null;
  }
}
