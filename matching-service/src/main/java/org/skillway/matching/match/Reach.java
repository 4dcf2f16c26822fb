package org.skillway.matching.match;

/**
 * A skill reached through one the person has.
 *
 * @param via the person's own skill
 * @param level the person's level in {@code via}
 */
public record Reach(String via, int level, Proximity proximity) {
  boolean betterThan(Reach other) {
    if (proximity != other.proximity) {
      return proximity.ordinal() < other.proximity.ordinal();
    }
    return level > other.level;
  }
}
