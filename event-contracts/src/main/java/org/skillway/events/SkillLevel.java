package org.skillway.events;

/**
 * A skill with a level from 1 (aware) to 5 (expert). On a profile it is the person's level; on a
 * vacancy it is the minimum the employer asks for.
 */
public record SkillLevel(String skillId, int level) {
  public static final int MIN_LEVEL = 1;
  public static final int MAX_LEVEL = 5;

  public SkillLevel {
    Contracts.requireText(skillId, "skillId", 200);
    Contracts.requireRange(level, "level", MIN_LEVEL, MAX_LEVEL);
  }
}
