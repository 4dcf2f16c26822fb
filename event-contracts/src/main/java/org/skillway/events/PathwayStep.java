package org.skillway.events;

/**
 * A suggestion for closing one skill gap: a role in Skillway (an apprenticeship, placement or
 * entry-level role) that builds the skill, a related skill the person already has to build on, or
 * the move from the person's occupation to the role's that the skill belongs to.
 *
 * @param kind {@code ROLE} (then {@code vacancyId} and {@code title} are set), {@code BUILD_ON}
 *     (then {@code relatedSkill} is set) or {@code MOVE} (then {@code fromOccupation} and {@code
 *     toOccupation} are set: ESCO lists the skill as essential to the role's occupation and not at
 *     all for the person's own)
 * @param fromOccupation the ESCO occupation id of the person's current or last job
 * @param toOccupation the ESCO occupation id of the role
 */
public record PathwayStep(
    String missingSkill,
    String kind,
    String vacancyId,
    String title,
    String relatedSkill,
    String fromOccupation,
    String toOccupation) {
  public PathwayStep {
    Contracts.requireText(missingSkill, "missingSkill", 200);
    Contracts.requireText(kind, "kind", 16);
    Contracts.requireOptionalText(fromOccupation, "fromOccupation", 200);
    Contracts.requireOptionalText(toOccupation, "toOccupation", 200);
  }

  /** A role or build-on step (no occupations). */
  public PathwayStep(
      String missingSkill, String kind, String vacancyId, String title, String relatedSkill) {
    this(missingSkill, kind, vacancyId, title, relatedSkill, null, null);
  }

  public static PathwayStep role(String missingSkill, String vacancyId, String title) {
    return new PathwayStep(missingSkill, "ROLE", vacancyId, title, null);
  }

  public static PathwayStep buildOn(String missingSkill, String relatedSkill) {
    return new PathwayStep(missingSkill, "BUILD_ON", null, null, relatedSkill);
  }

  /**
   * A skill the move from one occupation to another is built on: essential to {@code to}, not
   * listed for {@code from}.
   */
  public static PathwayStep move(String missingSkill, String from, String to) {
    return new PathwayStep(missingSkill, "MOVE", null, null, null, from, to);
  }
}
