package org.skillway.matching.match;

/**
 * How specific a skill is, as a factor on how much a vacancy's need for it counts: a role's own
 * trade skills (ESCO's sector- and occupation-specific ones) count in full, skills used across
 * sectors for less, and transversal ones (teamwork, hygiene, supervising people) for half, so a
 * generic skill never outweighs a specific one of the same level and weight.
 */
@FunctionalInterface
public interface Specificity {
  /** A skill ESCO calls transversal: used in almost every job. */
  double TRANSVERSAL = 0.5;

  /** A skill used across several sectors. */
  double CROSS_SECTOR = 0.8;

  /** A skill of one sector or occupation, and any skill whose reach is not known. */
  double SPECIFIC = 1.0;

  /** Every skill alike (tests and benchmarks that are about something else). */
  Specificity SAME_FOR_ALL = skillId -> SPECIFIC;

  /** The factor for this skill, above 0 and at most 1. */
  double of(String skillId);
}
