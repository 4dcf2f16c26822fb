package org.skillway.matching.match;

import java.util.Arrays;
import java.util.List;
import org.skillway.events.Pathway;
import org.skillway.events.SkillLevel;
import org.skillway.events.VacancyData;
import org.skillway.events.WorkMode;

/**
 * What a profile query needs of each vacancy, by ordinal: the numbers behind its static bound in
 * flat arrays (read in one scan), and, for estimating the few vacancies whose bound is high, two
 * small arrays per vacancy holding everything the score depends on, so that estimating one reads a
 * few cache lines instead of walking a {@link VacancyData} and its lists.
 */
final class PackedVacancies {
  static final int ON_SITE = 0;
  static final int HYBRID = 1;
  static final int REMOTE = 2;

  static final int NONE = -1;
  static final int NO_DAY = Integer.MIN_VALUE;
  private static final int PATHWAYS = Pathway.values().length;

  // The layout of a vacancy's facts: these, then a (skill code, level) pair per required skill,
  // then one per nice-to-have skill.
  static final int CLOSING_DAY = 0;
  static final int FLAGS = 1;
  static final int PLACE = 2;
  static final int MIN_YEARS = 3;
  static final int SALARY_TOP = 4;
  static final int START_DAY = 5;
  static final int REQUIRED = 6;
  static final int NICE = 7;
  static final int NEEDS = 8;

  static final int MODE_BITS = 3;
  static final int NATIONWIDE = 4;
  static final int DEVICE = 8;

  // The layout of a vacancy's numbers: these, then the weight of each required need, then of each
  // nice-to-have one.
  static final int REQUIRED_TOTAL = 0;
  static final int NICE_TOTAL = 1;
  static final int STAGE = 2;
  static final int WEIGHTS = STAGE + PATHWAYS;

  /**
   * Per pathway and ordinal: a bound in points of the score per unit of unweighted proximity credit
   * ({@code 100 × stage ×} heaviest need weight over total weight), rounded up; the score can be at
   * most {@code min(ceiling, credit × slope)}.
   */
  float[][] slope = new float[PATHWAYS][0];

  /** Per pathway and ordinal: {@code 100 × stage}, rounded up. */
  float[][] ceiling = new float[PATHWAYS][0];

  /** Per ordinal: the vacancy's facts, as laid out above. */
  int[][] facts = new int[0][];

  /**
   * Per ordinal: the total weights, the stage factor per pathway exactly as {@link Scorer#stage}
   * gives it (before any over-qualification), and the need weights.
   */
  double[][] numbers = new double[0][];

  void ensure(int capacity) {
    if (facts.length >= capacity) {
      return;
    }
    int size = Math.max(16, Math.max(capacity, facts.length * 2));
    for (int pathway = 0; pathway < PATHWAYS; pathway++) {
      slope[pathway] = Arrays.copyOf(slope[pathway], size);
      ceiling[pathway] = Arrays.copyOf(ceiling[pathway], size);
    }
    facts = Arrays.copyOf(facts, size);
    numbers = Arrays.copyOf(numbers, size);
  }

  void set(
      int ordinal,
      VacancyData vacancy,
      Scorer scorer,
      int placeIndex,
      int[] requiredCodes,
      int[] niceCodes) {
    ensure(ordinal + 1);
    List<SkillLevel> required = vacancy.requiredSkills();
    List<SkillLevel> nice = vacancy.niceToHaveSkills();
    double heaviest = 0;
    for (SkillLevel need : required) {
      heaviest = Math.max(heaviest, scorer.needWeight(need));
    }
    double[] x = new double[WEIGHTS + required.size() + nice.size()];
    x[REQUIRED_TOTAL] = scorer.totalWeight(required);
    x[NICE_TOTAL] = scorer.totalWeight(nice);
    for (Pathway pathway : Pathway.values()) {
      double stage = Scorer.stage(pathway, vacancy, scorer.policy().weightsFor(pathway));
      x[STAGE + pathway.ordinal()] = stage;
      // Rounded up a little, so float arithmetic never leaves the bound below the score.
      slope[pathway.ordinal()][ordinal] =
          (float) (100 * stage * heaviest / x[REQUIRED_TOTAL] * 1.0002);
      ceiling[pathway.ordinal()][ordinal] = (float) (100 * stage * 1.0001);
    }
    int[] f = new int[NEEDS + 2 * (required.size() + nice.size())];
    f[CLOSING_DAY] = (int) vacancy.closingDate().toEpochDay();
    int mode =
        vacancy.workMode() == WorkMode.REMOTE
            ? REMOTE
            : vacancy.workMode() == WorkMode.HYBRID ? HYBRID : ON_SITE;
    f[FLAGS] =
        mode | (vacancy.nationwide() ? NATIONWIDE : 0) | (vacancy.deviceProvided() ? DEVICE : 0);
    f[PLACE] = placeIndex;
    f[MIN_YEARS] = vacancy.minYears() == null ? NONE : vacancy.minYears();
    Integer top = vacancy.salaryMax() != null ? vacancy.salaryMax() : vacancy.salaryMin();
    f[SALARY_TOP] = top == null ? NONE : top;
    f[START_DAY] = vacancy.startDate() == null ? NO_DAY : (int) vacancy.startDate().toEpochDay();
    f[REQUIRED] = required.size();
    f[NICE] = nice.size();
    for (int i = 0; i < required.size(); i++) {
      f[NEEDS + 2 * i] = requiredCodes[i];
      f[NEEDS + 2 * i + 1] = required.get(i).level();
      x[WEIGHTS + i] = scorer.needWeight(required.get(i));
    }
    int niceAt = NEEDS + 2 * required.size();
    for (int i = 0; i < nice.size(); i++) {
      f[niceAt + 2 * i] = niceCodes[i];
      f[niceAt + 2 * i + 1] = nice.get(i).level();
      x[WEIGHTS + required.size() + i] = scorer.needWeight(nice.get(i));
    }
    facts[ordinal] = f;
    numbers[ordinal] = x;
  }

  void clear(int ordinal) {
    if (ordinal < facts.length) {
      facts[ordinal] = null;
      numbers[ordinal] = null;
    }
  }
}
