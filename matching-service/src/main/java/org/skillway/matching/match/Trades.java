package org.skillway.matching.match;

import java.util.Objects;

/**
 * Whether two occupations are one trade, so that an entry role in the one is a step back for
 * someone who has worked for years in the other. Implemented over ESCO's occupations (the same
 * ISCO-08 unit group and most of the same essential skills: "electrician" and "building
 * electrician" are one trade, "electrician" and "solar energy technician" are not); a port so the
 * scoring rules stay free of the taxonomy.
 */
@FunctionalInterface
public interface Trades {
  /** Only an occupation is its own trade (tests, and occupations the taxonomy does not know). */
  Trades EXACT = Objects::equals;

  /** Both ids are known occupations of the same trade, or the same id. */
  boolean same(String occupation, String other);
}
