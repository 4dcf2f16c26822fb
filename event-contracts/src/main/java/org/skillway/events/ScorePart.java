package org.skillway.events;

/**
 * One named part of a match score, so a person can check it: e.g. {@code requiredSkills} 42 of 50
 * points, "meets 5 of 6 required skills at the level asked for".
 */
public record ScorePart(String name, int points, int maxPoints, String reason) {
  public ScorePart {
    Contracts.requireText(name, "name", 64);
    if (points < 0 || points > maxPoints) {
      throw new IllegalArgumentException("points must be between 0 and maxPoints");
    }
    Contracts.requireText(reason, "reason", 500);
  }
}
