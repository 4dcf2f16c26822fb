package org.skillway.matching.match;

import java.util.Arrays;
import java.util.List;
import org.skillway.events.Pathway;
import org.skillway.events.SkillLevel;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyKind;
import org.skillway.events.WorkMode;

/**
 * What a profile query needs of each vacancy, by ordinal, in flat arrays: the numbers behind its
 * bound and behind {@link ProfileQuery#estimate}, so that ranking a candidate reads a few arrays
 * instead of walking a {@link VacancyData} and its lists.
 */
final class PackedVacancies {
  static final byte ON_SITE = 0;
  static final byte HYBRID = 1;
  static final byte REMOTE = 2;

  static final int NONE = -1;
  private static final int PATHWAYS = Pathway.values().length;

  /**
   * Per pathway and ordinal: a bound in points of the score per unit of unweighted proximity credit
   * ({@code 100 × stage ×} heaviest need weight over total weight), rounded up; the score can be at
   * most {@code min(ceiling, credit × slope)}.
   */
  float[][] slope = new float[PATHWAYS][0];

  /** Per pathway and ordinal: {@code 100 × stage}, rounded up. */
  float[][] ceiling = new float[PATHWAYS][0];

  /** Per ordinal and pathway: the stage factor exactly as {@link Scorer#stage} gives it. */
  double[] stage = new double[0];

  /** Per ordinal: whether over-qualification can lower the stage (an entry role). */
  boolean[] entry = new boolean[0];

  double[] requiredTotal = new double[0];
  double[] niceTotal = new double[0];
  double[][] requiredWeights = new double[0][];
  double[][] niceWeights = new double[0][];
  byte[][] requiredLevels = new byte[0][];
  byte[][] niceLevels = new byte[0][];
  int[] closingDay = new int[0];
  byte[] mode = new byte[0];
  boolean[] nationwide = new boolean[0];
  int[] minYears = new int[0];
  int[] salaryTop = new int[0];
  int[] startDay = new int[0];
  boolean[] device = new boolean[0];

  /** Per ordinal: the index of its one located place, or {@link #NONE}. */
  int[] place = new int[0];

  void ensure(int capacity) {
    if (closingDay.length >= capacity) {
      return;
    }
    int size = Math.max(16, Math.max(capacity, closingDay.length * 2));
    for (int pathway = 0; pathway < PATHWAYS; pathway++) {
      slope[pathway] = Arrays.copyOf(slope[pathway], size);
      ceiling[pathway] = Arrays.copyOf(ceiling[pathway], size);
    }
    stage = Arrays.copyOf(stage, size * PATHWAYS);
    entry = Arrays.copyOf(entry, size);
    requiredTotal = Arrays.copyOf(requiredTotal, size);
    niceTotal = Arrays.copyOf(niceTotal, size);
    requiredWeights = Arrays.copyOf(requiredWeights, size);
    niceWeights = Arrays.copyOf(niceWeights, size);
    requiredLevels = Arrays.copyOf(requiredLevels, size);
    niceLevels = Arrays.copyOf(niceLevels, size);
    closingDay = Arrays.copyOf(closingDay, size);
    mode = Arrays.copyOf(mode, size);
    nationwide = Arrays.copyOf(nationwide, size);
    minYears = Arrays.copyOf(minYears, size);
    salaryTop = Arrays.copyOf(salaryTop, size);
    startDay = Arrays.copyOf(startDay, size);
    device = Arrays.copyOf(device, size);
    place = Arrays.copyOf(place, size);
  }

  void set(int ordinal, VacancyData vacancy, Scorer scorer, int placeIndex) {
    ensure(ordinal + 1);
    List<SkillLevel> required = vacancy.requiredSkills();
    double heaviest = 0;
    for (SkillLevel need : required) {
      heaviest = Math.max(heaviest, scorer.needWeight(need));
    }
    requiredTotal[ordinal] = scorer.totalWeight(required);
    niceTotal[ordinal] = scorer.totalWeight(vacancy.niceToHaveSkills());
    for (Pathway pathway : Pathway.values()) {
      int at = ordinal * PATHWAYS + pathway.ordinal();
      stage[at] = Scorer.stage(pathway, vacancy, scorer.policy().weightsFor(pathway));
      // Rounded up a little, so float arithmetic never leaves the bound below the score.
      slope[pathway.ordinal()][ordinal] =
          (float) (100 * stage[at] * heaviest / requiredTotal[ordinal] * 1.0002);
      ceiling[pathway.ordinal()][ordinal] = (float) (100 * stage[at] * 1.0001);
    }
    entry[ordinal] =
        vacancy.kind() != VacancyKind.JOB || vacancy.level() == org.skillway.events.Seniority.ENTRY;
    requiredWeights[ordinal] = weights(required, scorer);
    niceWeights[ordinal] = weights(vacancy.niceToHaveSkills(), scorer);
    requiredLevels[ordinal] = levels(required);
    niceLevels[ordinal] = levels(vacancy.niceToHaveSkills());
    closingDay[ordinal] = (int) vacancy.closingDate().toEpochDay();
    mode[ordinal] =
        vacancy.workMode() == WorkMode.REMOTE
            ? REMOTE
            : vacancy.workMode() == WorkMode.HYBRID ? HYBRID : ON_SITE;
    nationwide[ordinal] = vacancy.nationwide();
    minYears[ordinal] = vacancy.minYears() == null ? NONE : vacancy.minYears();
    Integer top = vacancy.salaryMax() != null ? vacancy.salaryMax() : vacancy.salaryMin();
    salaryTop[ordinal] = top == null ? NONE : top;
    startDay[ordinal] =
        vacancy.startDate() == null ? Integer.MIN_VALUE : (int) vacancy.startDate().toEpochDay();
    device[ordinal] = vacancy.deviceProvided();
    place[ordinal] = placeIndex;
  }

  void clear(int ordinal) {
    requiredWeights[ordinal] = null;
    niceWeights[ordinal] = null;
    requiredLevels[ordinal] = null;
    niceLevels[ordinal] = null;
  }

  private static double[] weights(List<SkillLevel> needs, Scorer scorer) {
    double[] weights = new double[needs.size()];
    for (int i = 0; i < weights.length; i++) {
      weights[i] = scorer.needWeight(needs.get(i));
    }
    return weights;
  }

  private static byte[] levels(List<SkillLevel> needs) {
    byte[] levels = new byte[needs.size()];
    for (int i = 0; i < levels.length; i++) {
      levels[i] = (byte) needs.get(i).level();
    }
    return levels;
  }
}
