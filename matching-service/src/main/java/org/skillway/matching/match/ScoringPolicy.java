package org.skillway.matching.match;

import java.util.Collections;
import java.util.EnumMap;
import java.util.Map;
import org.skillway.events.Pathway;

/**
 * The configurable rules of scoring.
 *
 * @param weights per pathway
 * @param defaultCommuteKm reach assumed when a person has not said how far they will travel
 * @param minimumScore the lowest score (1-100) that is a match
 * @param materialChange how many points a score must move for a match to count as changed
 */
public record ScoringPolicy(
    Map<Pathway, Weights> weights, int defaultCommuteKm, int minimumScore, int materialChange) {
  public ScoringPolicy {
    // An enum map: looked up for every candidate scored.
    weights = Collections.unmodifiableMap(new EnumMap<>(weights));
    for (Pathway pathway : Pathway.values()) {
      if (!weights.containsKey(pathway)) {
        throw new IllegalArgumentException("no weights for pathway " + pathway);
      }
    }
    if (minimumScore < 1 || minimumScore > 100) {
      throw new IllegalArgumentException("minimumScore must be between 1 and 100");
    }
  }

  public Weights weightsFor(Pathway pathway) {
    return weights.get(pathway);
  }
}
