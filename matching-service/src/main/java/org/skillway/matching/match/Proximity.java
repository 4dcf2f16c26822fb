package org.skillway.matching.match;

/**
 * How a skill a person has relates to a skill a vacancy needs, strongest first, with the share of
 * credit it earns. A narrower skill (Java for "computer programming") says more than a broader one,
 * and a related skill least.
 */
public enum Proximity {
  EXACT(1.0),
  NARROWER(0.8),
  BROADER(0.5),
  RELATED(0.4);

  private final double credit;

  Proximity(double credit) {
    this.credit = credit;
  }

  public double credit() {
    return credit;
  }
}
