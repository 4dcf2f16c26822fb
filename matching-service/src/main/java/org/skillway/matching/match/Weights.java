package org.skillway.matching.match;

/**
 * How a score is made up for one pathway (see {@link Scorer}).
 *
 * <ul>
 *   <li>{@code requiredSkills}: the per cent of the score the required skills earn alone (1-100);
 *       the rest is shared by the other parts, and all of it is scaled by the skill fit;
 *   <li>{@code pathwayFit}: the per cent by which a role whose stage never suits the pathway (an
 *       apprenticeship for an experienced hire) scales the whole score down (0-100);
 *   <li>the others ({@code niceToHave}, {@code experience}, {@code location}, {@code salary},
 *       {@code availability}, {@code device}): relative weights of the other parts. A part that
 *       cannot be judged (say, salary when either side has not given one) is left out, so unknown
 *       data is neither a plus nor a minus.
 * </ul>
 */
public record Weights(
    int requiredSkills,
    int niceToHave,
    int experience,
    int pathwayFit,
    int location,
    int salary,
    int availability,
    int device) {
  /** The other parts' weights are relative, so this is plenty. */
  public static final int MAX_WEIGHT = 1000;

  public Weights {
    if (requiredSkills <= 0 || requiredSkills > 100) {
      throw new IllegalArgumentException("requiredSkills must be a share of 1 to 100 per cent");
    }
    if (pathwayFit < 0 || pathwayFit > 100) {
      throw new IllegalArgumentException("pathwayFit must be 0 to 100 per cent");
    }
    for (int weight : new int[] {niceToHave, experience, location, salary, availability, device}) {
      if (weight < 0 || weight > MAX_WEIGHT) {
        throw new IllegalArgumentException("weights must be between 0 and " + MAX_WEIGHT);
      }
    }
  }
}
