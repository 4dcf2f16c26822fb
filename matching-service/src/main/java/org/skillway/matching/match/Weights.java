package org.skillway.matching.match;

/**
 * How many points each part of a score can earn for one pathway. A part that cannot be judged (say,
 * salary when either side has not given one) is left out of both the points and the maximum, so
 * unknown data is neither a plus nor a minus.
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
  /** Points are relative, so this is plenty; the index packs weights into 12 bits. */
  public static final int MAX_WEIGHT = 1000;

  public Weights {
    if (requiredSkills > MAX_WEIGHT) {
      throw new IllegalArgumentException("weights must not be more than " + MAX_WEIGHT);
    }
    if (requiredSkills <= 0) {
      throw new IllegalArgumentException("requiredSkills must weigh more than 0");
    }
    for (int weight :
        new int[] {niceToHave, experience, pathwayFit, location, salary, availability, device}) {
      if (weight < 0 || weight > MAX_WEIGHT) {
        throw new IllegalArgumentException("weights must be between 0 and " + MAX_WEIGHT);
      }
    }
  }
}
