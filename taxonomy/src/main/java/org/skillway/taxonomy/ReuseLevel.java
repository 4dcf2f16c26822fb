package org.skillway.taxonomy;

/**
 * How widely ESCO says a skill is used: across all jobs (transversal), in several sectors, in one
 * sector, or in one occupation. Skill groups, and the few concepts ESCO gives no level, are {@link
 * #UNKNOWN}.
 */
public enum ReuseLevel {
  TRANSVERSAL,
  CROSS_SECTOR,
  SECTOR_SPECIFIC,
  OCCUPATION_SPECIFIC,
  UNKNOWN;

  /** ESCO's spelling ({@code cross-sector}, {@code occupation-specific}, ...); blank is unknown. */
  static ReuseLevel fromEsco(String value) {
    if (value == null) {
      return UNKNOWN;
    }
    return switch (value.trim()) {
      case "transversal" -> TRANSVERSAL;
      case "cross-sector" -> CROSS_SECTOR;
      case "sector-specific" -> SECTOR_SPECIFIC;
      case "occupation-specific" -> OCCUPATION_SPECIFIC;
      default -> UNKNOWN;
    };
  }
}
