package org.skillway.events;

/**
 * A suggestion for closing one skill gap: a role in Skillway (an apprenticeship, placement or
 * entry-level role) that builds the skill, or a related skill the person already has to build on.
 *
 * @param kind {@code ROLE} (then {@code vacancyId} and {@code title} are set) or {@code BUILD_ON}
 *     (then {@code relatedSkill} is set)
 */
public record PathwayStep(
    String missingSkill, String kind, String vacancyId, String title, String relatedSkill) {
  public PathwayStep {
    Contracts.requireText(missingSkill, "missingSkill", 200);
    Contracts.requireText(kind, "kind", 16);
  }

  public static PathwayStep role(String missingSkill, String vacancyId, String title) {
    return new PathwayStep(missingSkill, "ROLE", vacancyId, title, null);
  }

  public static PathwayStep buildOn(String missingSkill, String relatedSkill) {
    return new PathwayStep(missingSkill, "BUILD_ON", null, null, relatedSkill);
  }
}
