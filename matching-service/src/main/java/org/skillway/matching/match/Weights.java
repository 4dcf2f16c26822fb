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
  public Weights {
    if (requiredSkills <= 0) {
      throw new IllegalArgumentException("requiredSkills must weigh more than 0");
    }
    for (int weight :
        new int[] {niceToHave, experience, pathwayFit, location, salary, availability, device}) {
      if (weight < 0) {
        throw new IllegalArgumentException("weights must not be negative");
      }
    }
  }
}
