package org.skillway.matching.match;

import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.OptionalDouble;
import java.util.OptionalInt;
import java.util.function.Supplier;
import org.skillway.events.Pathway;
import org.skillway.events.ProfileData;
import org.skillway.events.ScorePart;
import org.skillway.events.SkillLevel;
import org.skillway.events.TransferableSkill;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyKind;
import org.skillway.events.WorkMode;

/**
 * Scores a profile against a vacancy, 0 to 100, as a sum of named parts a person can check.
 *
 * <p>Hard filters first: no consent, a closed or expired vacancy, or an on-site or hybrid role
 * beyond the person's reach means no match. Then each part that can be judged earns points up to
 * its weight for the person's pathway; a part that cannot be judged (data missing on either side
 * where that is no one's fault, such as salary) is left out, so it is neither a plus nor a minus.
 * Data the vacancy asks for and the person has not given (years of experience) counts as not met:
 * missing data never counts as agreement. Age, sex, ethnicity, disability and other protected
 * characteristics are not inputs: the profile does not hold them.
 */
public final class Scorer {
  /** A hybrid role needs fewer journeys, so it may be further away. */
  static final double HYBRID_REACH_FACTOR = 1.5;

  static final int LATE_START_TOLERANCE_DAYS = 90;

  private final ScoringPolicy policy;
  private final Distances distances;
  private final Specificity specificity;
  private final Trades trades;

  /** Every skill counted as specific as any other. */
  public Scorer(ScoringPolicy policy, Distances distances) {
    this(policy, distances, Specificity.SAME_FOR_ALL);
  }

  /** Every occupation a trade of its own. */
  public Scorer(ScoringPolicy policy, Distances distances, Specificity specificity) {
    this(policy, distances, specificity, Trades.EXACT);
  }

  public Scorer(ScoringPolicy policy, Distances distances, Specificity specificity, Trades trades) {
    this.policy = policy;
    this.distances = distances;
    this.specificity = specificity;
    this.trades = trades;
  }

  public ScoringPolicy policy() {
    return policy;
  }

  public Distances distances() {
    return distances;
  }

  /** Scores a pair with every explanation: the parts with their reasons and the skill lists. */
  public Optional<Assessment> assess(
      ProfileData profile, SkillReach reach, VacancyData vacancy, LocalDate today) {
    List<String> matched = new ArrayList<>();
    List<String> missing = new ArrayList<>();
    List<TransferableSkill> transferable = new ArrayList<>();
    List<String> niceMet = new ArrayList<>();
    double required = skillCredit(vacancy.requiredSkills(), reach, matched, missing, transferable);
    double nice =
        skillCredit(
            vacancy.niceToHaveSkills(), reach, niceMet, new ArrayList<>(), new ArrayList<>());
    Parts parts = new Parts(true);
    int score =
        evaluate(
            profile,
            vacancy,
            today,
            required,
            nice,
            kilometres(profile, vacancy),
            parts,
            () ->
                describeSkills(
                    matched.size(), vacancy.requiredSkills().size(), transferable.size()),
            () ->
                "has "
                    + niceMet.size()
                    + " of "
                    + vacancy.niceToHaveSkills().size()
                    + " nice-to-have skills");
    if (score < 0) {
      return Optional.empty();
    }
    return Optional.of(
        new Assessment(
            score,
            parts.explained,
            List.copyOf(matched),
            List.copyOf(missing),
            List.copyOf(transferable)));
  }

  /**
   * The same score as {@link #assess}, without building any explanation: what an index needs to
   * rank candidates, before it explains the few that make the top K.
   */
  public OptionalInt score(
      ProfileData profile, SkillReach reach, VacancyData vacancy, LocalDate today) {
    int score =
        scoreOf(
            profile,
            vacancy,
            today,
            skillCredit(vacancy.requiredSkills(), reach, null, null, null),
            skillCredit(vacancy.niceToHaveSkills(), reach, null, null, null),
            kilometres(profile, vacancy));
    return score < 0 ? OptionalInt.empty() : OptionalInt.of(score);
  }

  /**
   * The same score again, for an index that has already worked out the skill credit (the sum of
   * {@link #credit} over the vacancy's skills, in their order) and the distance.
   *
   * @param kilometres the distance between the two places, or {@code NaN} when either is unknown
   * @return the score, or -1 when the pair does not match
   */
  public int scoreOf(
      ProfileData profile,
      VacancyData vacancy,
      LocalDate today,
      double requiredCredit,
      double niceCredit,
      double kilometres) {
    return evaluate(
        profile,
        vacancy,
        today,
        requiredCredit,
        niceCredit,
        kilometres,
        new Parts(false),
        null,
        null);
  }

  private double kilometres(ProfileData profile, VacancyData vacancy) {
    return nearest(distances, profile, vacancy);
  }

  /**
   * The distance from the person to the nearest place the role is offered, or {@code NaN} when no
   * place of the two is known.
   */
  static double nearest(Distances distances, ProfileData profile, VacancyData vacancy) {
    double best = Double.NaN;
    for (String outcode : vacancy.outcodes()) {
      OptionalDouble km = distances.kilometres(profile.outcode(), outcode);
      if (km.isPresent() && !(km.getAsDouble() >= best)) {
        best = km.getAsDouble();
      }
    }
    return best;
  }

  /**
   * The parts besides the required skills, with reasons only when explaining (building them costs
   * more than scoring). Each earns a fraction of its weight; the weights are relative to each
   * other.
   */
  private static final class Parts {
    final boolean explain;
    final List<String> names;
    final List<Integer> weights;
    final List<Double> fractions;
    final List<String> reasons;
    int weightSum;
    double earnedSum;
    List<ScorePart> explained = List.of();

    Parts(boolean explain) {
      this.explain = explain;
      this.names = explain ? new ArrayList<>() : null;
      this.weights = explain ? new ArrayList<>() : null;
      this.fractions = explain ? new ArrayList<>() : null;
      this.reasons = explain ? new ArrayList<>() : null;
    }

    void add(String name, int weight, double fraction, Supplier<String> reason) {
      double clamped = Math.max(0, Math.min(1, fraction));
      weightSum += weight;
      earnedSum += weight * clamped;
      if (explain) {
        names.add(name);
        weights.add(weight);
        fractions.add(clamped);
        reasons.add(reason.get());
      }
    }
  }

  /**
   * The rules, once, for both scoring and explaining. Returns -1 when the pair does not match.
   *
   * <p>The score is {@code 100 × skills × stage × (share + (1 − share) × others)}: {@code skills}
   * is the required-skill fit (0 to 1, each need counted by its weight and how specific the skill
   * is), {@code stage} how well the role's stage suits the person's pathway (1, or less for an
   * experienced hire in an entry role or a student in a senior one), {@code share} the part of the
   * score the skills earn alone (the pathway's {@code requiredSkills} weight, in per cent) and
   * {@code others} the weighted mean of the other parts that can be judged. So the skills gate the
   * rest: a role the person lacks the skills for scores low however near and well timed it is, and
   * the other parts lift a role only as far as the person fits it.
   */
  private int evaluate(
      ProfileData profile,
      VacancyData vacancy,
      LocalDate today,
      double requiredCredit,
      double niceCredit,
      double distance,
      Parts parts,
      Supplier<String> requiredReason,
      Supplier<String> niceReason) {
    if (!profile.consentToMatch() || !vacancy.isOpenOn(today)) {
      return -1;
    }
    double maxKm = reachKm(profile, vacancy);
    if (vacancy.distanceMatters() && distance > maxKm) {
      // NaN (a place not known) compares false: not a reason to filter anyone out.
      return -1;
    }
    if (profile.workMode() == WorkMode.REMOTE && vacancy.workMode() != WorkMode.REMOTE) {
      // Someone who asked for remote work only is not offered roles done at the workplace, all or
      // some of the week.
      return -1;
    }
    if (requiredCredit <= 0) {
      return -1;
    }
    Weights weights = policy.weightsFor(profile.pathway());
    double skills = Math.min(1, requiredCredit / totalWeight(vacancy.requiredSkills()));
    // When a retrainer and the role both name their occupation, whether it is the retrainer's own
    // trade decides; holding every skill of another trade's entry role is no step back, but a move.
    boolean tradesKnown =
        profile.pathway() == Pathway.RETRAINER
            && profile.occupation() != null
            && vacancy.occupation() != null;
    boolean ownTrade = tradesKnown && inOwnTrade(profile, vacancy);
    boolean overQualified = tradesKnown ? ownTrade : overQualified(profile, vacancy, skills);
    double stage =
        overQualified
            ? Math.min(
                stage(profile.pathway(), vacancy, weights),
                stage(Pathway.EXPERIENCED, vacancy, weights))
            : stage(profile.pathway(), vacancy, weights);
    if (!vacancy.niceToHaveSkills().isEmpty() && weights.niceToHave() > 0) {
      parts.add(
          "niceToHaveSkills",
          weights.niceToHave(),
          niceCredit / totalWeight(vacancy.niceToHaveSkills()),
          niceReason);
    }
    experience(profile, vacancy, weights, parts);
    location(profile, vacancy, distance, maxKm, weights, parts);
    salary(profile, vacancy, weights, parts);
    availability(profile, vacancy, weights, parts);
    if (profile.needsDevice() && vacancy.deviceProvided() && weights.device() > 0) {
      // Only ever added when it helps: a person who needs no device, or a role without one, is not
      // judged on it.
      parts.add("device", weights.device(), 1, () -> "the employer provides the device you need");
    }
    // With nothing else to judge, the skills are the whole score.
    double share = parts.weightSum == 0 ? 1 : weights.requiredSkills() / 100.0;
    double others = parts.weightSum == 0 ? 0 : parts.earnedSum / parts.weightSum;
    double gate = skills * stage;
    double exact = 100 * gate * (share + (1 - share) * others);
    int score = (int) Math.round(exact);
    if (parts.explain) {
      String stageReason =
          overQualified
              ? overQualifiedReason(profile, vacancy, stage, ownTrade)
              : stageReason(profile.pathway(), vacancy, stage);
      explain(parts, requiredReason, stageReason, skills, stage, share, score);
    }
    return score;
  }

  /**
   * The parts as a person reads them, whose points add up to the score: the skills part earns its
   * share scaled by the skill fit and the stage; each other part its share of the rest, scaled the
   * same way; the stage itself is a part of no points that says how it scaled them. Points are
   * rounded by largest remainder, so they sum exactly to the score.
   */
  private void explain(
      Parts parts,
      Supplier<String> requiredReason,
      String stageReason,
      double skills,
      double stage,
      double share,
      int score) {
    int n = parts.names.size() + 1;
    double[] maxima = new double[n];
    double[] earned = new double[n];
    maxima[0] = 100 * share;
    earned[0] = maxima[0] * skills * stage;
    for (int i = 1; i < n; i++) {
      maxima[i] = 100 * (1 - share) * parts.weights.get(i - 1) / parts.weightSum;
      earned[i] = maxima[i] * parts.fractions.get(i - 1) * skills * stage;
    }
    int[] points = largestRemainder(earned, score);
    List<ScorePart> list = new ArrayList<>();
    String skillReason = requiredReason.get();
    if (skills < 1 && parts.weightSum > 0) {
      skillReason += "; the other parts count as far as your skills fit";
    }
    list.add(
        new ScorePart(
            "requiredSkills",
            points[0],
            Math.max(points[0], (int) Math.round(maxima[0])),
            skillReason));
    list.add(new ScorePart("pathwayFit", 0, 0, stageReason));
    for (int i = 1; i < n; i++) {
      list.add(
          new ScorePart(
              parts.names.get(i - 1),
              points[i],
              Math.max(points[i], (int) Math.round(maxima[i])),
              parts.reasons.get(i - 1)));
    }
    parts.explained = List.copyOf(list);
  }

  /** Whole numbers with this total, each the floor of its share or one more. */
  private static int[] largestRemainder(double[] shares, int total) {
    int[] whole = new int[shares.length];
    int sum = 0;
    for (int i = 0; i < shares.length; i++) {
      whole[i] = (int) Math.floor(shares[i]);
      sum += whole[i];
    }
    Integer[] order = new Integer[shares.length];
    for (int i = 0; i < order.length; i++) {
      order[i] = i;
    }
    java.util.Arrays.sort(
        order, (a, b) -> Double.compare(shares[b] - whole[b], shares[a] - whole[a]));
    for (int k = 0; sum < total && k < order.length; k++) {
      whole[order[k]]++;
      sum++;
    }
    for (int k = order.length - 1; sum > total && k >= 0; k--) {
      if (whole[order[k]] > 0) {
        whole[order[k]]--;
        sum--;
      }
    }
    return whole;
  }

  /**
   * How well the role's stage suits the pathway, as the factor the whole score is scaled by: 1 for
   * a role that suits it (or a job of no stated level), down to {@code 1 − pathwayFit%} for one
   * that never does (an apprenticeship for an experienced hire, who is over-qualified; a senior job
   * for a student).
   */
  static double stage(Pathway pathway, VacancyData vacancy, Weights weights) {
    if (vacancy.kind() == VacancyKind.JOB && vacancy.level() == null) {
      return 1;
    }
    return 1 - weights.pathwayFit() / 100.0 * (1 - fit(pathway, vacancy));
  }

  /**
   * Someone retraining or starting out who already holds every skill of an entry role,
   * apprenticeship or placement at the level asked for, with five years or more of experience, is
   * over-qualified for it as an experienced hire would be: it would be a step back.
   */
  static boolean overQualified(ProfileData profile, VacancyData vacancy, double skills) {
    return isEntry(vacancy)
        && profile.pathway() != Pathway.EXPERIENCED
        && skills >= 1 - 1e-9
        && profile.yearsExperience() != null
        && profile.yearsExperience() >= OVER_QUALIFIED_YEARS;
  }

  static final int OVER_QUALIFIED_YEARS = 5;

  /**
   * Someone retraining, with five years or more of experience, is over-qualified for an entry role,
   * apprenticeship or placement in the trade they are leaving (the role's occupation is theirs, or
   * of the same trade): it would be a step back, not a move.
   */
  private boolean inOwnTrade(ProfileData profile, VacancyData vacancy) {
    return isEntry(vacancy)
        && profile.yearsExperience() != null
        && profile.yearsExperience() >= OVER_QUALIFIED_YEARS
        && trades.same(profile.occupation(), vacancy.occupation());
  }

  private static boolean isEntry(VacancyData vacancy) {
    return vacancy.kind() != VacancyKind.JOB
        || vacancy.level() == org.skillway.events.Seniority.ENTRY;
  }

  private static String overQualifiedReason(
      ProfileData profile, VacancyData vacancy, double stage, boolean ownTrade) {
    String kind = vacancy.kind().name().toLowerCase(java.util.Locale.ROOT);
    String role = vacancy.level() == null ? kind : describe(vacancy.level()) + " " + kind;
    String article = "aeiou".indexOf(role.charAt(0)) >= 0 ? "an " : "a ";
    if (ownTrade) {
      return article
          + role
          + " in the trade you have "
          + profile.yearsExperience()
          + " years in would be a step back, not a move: every part counts at "
          + Math.round(100 * stage)
          + "%";
    }
    return article
        + role
        + " would be a step back for someone with "
        + profile.yearsExperience()
        + " years of experience who already has all its skills: every part counts at "
        + Math.round(100 * stage)
        + "%";
  }

  private static String stageReason(Pathway pathway, VacancyData vacancy, double stage) {
    if (vacancy.kind() == VacancyKind.JOB && vacancy.level() == null) {
      return "a job of no stated level: judged on the rest";
    }
    String kind = vacancy.kind().name().toLowerCase(java.util.Locale.ROOT);
    String role = vacancy.level() == null ? kind : describe(vacancy.level()) + " " + kind;
    String article = "aeiou".indexOf(role.charAt(0)) >= 0 ? "an " : "a ";
    double fit = fit(pathway, vacancy);
    if (stage >= 0.999) {
      return article + role + " suits " + describe(pathway);
    }
    String why =
        pathway == Pathway.EXPERIENCED && fit < 0.5
            ? article + role + " rarely suits an experienced hire, who is over-qualified for it"
            : article + role + (fit >= 0.5 ? " can suit " : " rarely suits ") + describe(pathway);
    return why + ": every part counts at " + Math.round(100 * stage) + "%";
  }

  /**
   * An upper bound of the score from what an index can keep in arrays: the average required-skill
   * credit (or a bound of it) and the stage factor in thousandths, rounded up ({@link
   * #stageMillis}). Since the other parts can at most leave the score at {@code 100 × skills ×
   * stage}, that is the bound, with half a point for rounding.
   */
  public static int upperBound(double averageRequiredCredit, int stageMillis) {
    double bound = 100.0 * Math.min(1, averageRequiredCredit) * stageMillis / 1000.0 + 0.5;
    return (int) Math.min(100, Math.ceil(bound));
  }

  /** The same bound for a known pair. */
  public int upperBound(ProfileData profile, VacancyData vacancy, double averageRequiredCredit) {
    return upperBound(averageRequiredCredit, stageMillis(profile.pathway(), vacancy));
  }

  /** The stage factor of {@link #stage} in thousandths, rounded up so a bound never falls short. */
  public int stageMillis(Pathway pathway, VacancyData vacancy) {
    return (int) Math.ceil(1000 * stage(pathway, vacancy, policy.weightsFor(pathway)) - 1e-9);
  }

  static final int NICE_TO_HAVE = 1;
  static final int EXPERIENCE = 2;
  static final int SALARY = 4;
  static final int AVAILABILITY = 8;
  static final int DEVICE = 16;

  /** The optional parts a vacancy can be judged on, as bits. */
  public static int judgedParts(VacancyData vacancy) {
    int parts = 0;
    parts |= vacancy.niceToHaveSkills().isEmpty() ? 0 : NICE_TO_HAVE;
    parts |= vacancy.minYears() != null ? EXPERIENCE : 0;
    parts |= vacancy.salaryMax() != null || vacancy.salaryMin() != null ? SALARY : 0;
    parts |= vacancy.startDate() != null ? AVAILABILITY : 0;
    parts |= vacancy.deviceProvided() ? DEVICE : 0;
    return parts;
  }

  /**
   * The optional parts a profile can be judged on, as bits: nice-to-have skills and experience
   * always (missing experience counts as not met), the rest only if given.
   */
  public static int judgedParts(ProfileData profile) {
    int parts = NICE_TO_HAVE | EXPERIENCE;
    parts |= profile.salaryExpectation() != null ? SALARY : 0;
    parts |= profile.availableFrom() != null ? AVAILABILITY : 0;
    parts |= profile.needsDevice() ? DEVICE : 0;
    return parts;
  }

  /**
   * Credit of one reached skill against one need: proximity, scaled down if below the level asked
   * for.
   */
  static double credit(Reach reach, int levelNeeded) {
    if (reach == null) {
      return 0;
    }
    return credit(reach.proximity().credit(), reach.level(), levelNeeded);
  }

  /** The same, from the parts of a reach: its proximity's credit and the person's level. */
  static double credit(double proximityCredit, int level, int levelNeeded) {
    double factor = level >= levelNeeded ? 1 : 0.6 * level / levelNeeded;
    return proximityCredit * factor;
  }

  /**
   * How much a need counts: its weight (1-5, 1 when not given) times how specific its skill is
   * ({@link Specificity}), so a role's own trade skills count for more than general ones.
   */
  double needWeight(SkillLevel need) {
    return need.weightOrOne() * specificity.of(need.skillId());
  }

  /**
   * A need's credit counted by its weight. Every sum of credit (here and in the index) goes through
   * this, in the vacancy's order, so that all arrive at the same score.
   */
  double weighted(double credit, SkillLevel need) {
    return credit * needWeight(need);
  }

  /** The sum of the weights of these needs: what their weighted credit is divided by. */
  double totalWeight(List<SkillLevel> needs) {
    double total = 0;
    for (SkillLevel need : needs) {
      total += needWeight(need);
    }
    return total;
  }

  private double skillCredit(
      List<SkillLevel> needs,
      SkillReach reach,
      List<String> matched,
      List<String> missing,
      List<TransferableSkill> transferable) {
    double total = 0;
    for (SkillLevel need : needs) {
      Reach reached = reach.get(need.skillId());
      total += weighted(credit(reached, need.level()), need);
      if (matched == null) {
        continue;
      }
      if (reached != null
          && reached.proximity() == Proximity.EXACT
          && reached.level() >= need.level()) {
        matched.add(need.skillId());
        continue;
      }
      missing.add(need.skillId());
      if (reached != null && reached.proximity() != Proximity.EXACT) {
        transferable.add(
            new TransferableSkill(need.skillId(), reached.via(), reached.proximity().name()));
      }
    }
    return total;
  }

  private static String describeSkills(int met, int asked, int transferable) {
    String text = "meets " + met + " of " + asked + " required skills at the level asked for";
    return transferable == 0
        ? text
        : text + "; " + transferable + " more in part, through transferable skills";
  }

  private static void experience(
      ProfileData profile, VacancyData vacancy, Weights weights, Parts parts) {
    if (vacancy.minYears() == null || weights.experience() == 0) {
      return;
    }
    int asked = vacancy.minYears();
    Integer years = profile.yearsExperience();
    if (years == null) {
      parts.add(
          "experience",
          weights.experience(),
          0,
          () -> "years of experience not given; " + asked + " asked for");
      return;
    }
    double fraction = asked == 0 ? 1 : Math.min(1, (double) years / asked);
    parts.add(
        "experience",
        weights.experience(),
        fraction,
        () -> years + " years of experience; " + asked + " asked for");
  }

  /**
   * Apprenticeships and placements fit students and retrainers; senior roles fit experienced hires.
   */
  static double fit(Pathway pathway, VacancyData vacancy) {
    if (vacancy.kind() != VacancyKind.JOB) {
      return switch (pathway) {
        case STUDENT -> 1.0;
        case RETRAINER -> vacancy.kind() == VacancyKind.APPRENTICESHIP ? 1.0 : 0.8;
        case EXPERIENCED -> 0.1;
      };
    }
    if (vacancy.level() == null) {
      return 0.6;
    }
    return switch (vacancy.level()) {
      case ENTRY -> pathway == Pathway.EXPERIENCED ? 0.4 : 1.0;
      case MID ->
          switch (pathway) {
            case STUDENT -> 0.3;
            case RETRAINER -> 0.6;
            case EXPERIENCED -> 0.8;
          };
      case SENIOR ->
          switch (pathway) {
            case STUDENT -> 0.0;
            case RETRAINER -> 0.2;
            case EXPERIENCED -> 1.0;
          };
    };
  }

  private static String describe(org.skillway.events.Seniority level) {
    return switch (level) {
      case ENTRY -> "entry-level";
      case MID -> "mid-level";
      case SENIOR -> "senior";
    };
  }

  private static String describe(Pathway pathway) {
    return switch (pathway) {
      case STUDENT -> "a student";
      case RETRAINER -> "someone retraining";
      case EXPERIENCED -> "an experienced hire";
    };
  }

  /** How far the person will travel to this role: their commute, more for a hybrid role. */
  double reachKm(ProfileData profile, VacancyData vacancy) {
    int commute =
        profile.maxCommuteKm() == null ? policy.defaultCommuteKm() : profile.maxCommuteKm();
    return vacancy.workMode() == WorkMode.HYBRID ? commute * HYBRID_REACH_FACTOR : commute;
  }

  private static void location(
      ProfileData profile,
      VacancyData vacancy,
      double distance,
      double maxKm,
      Weights weights,
      Parts parts) {
    if (weights.location() == 0) {
      return;
    }
    if (vacancy.workMode() == WorkMode.REMOTE) {
      parts.add("location", weights.location(), 1, () -> "remote: open wherever you live");
      return;
    }
    if (vacancy.nationwide()) {
      parts.add(
          "location", weights.location(), 1, () -> "offered nationwide: open wherever you live");
      return;
    }
    if (Double.isNaN(distance)) {
      return;
    }
    double km = distance;
    double fraction = maxKm == 0 ? 1 : 1 - 0.5 * km / maxKm;
    parts.add(
        "location",
        weights.location(),
        fraction,
        () -> Math.round(km) + " km away, within your " + Math.round(maxKm) + " km reach");
  }

  private static void salary(
      ProfileData profile, VacancyData vacancy, Weights weights, Parts parts) {
    Integer top = vacancy.salaryMax() != null ? vacancy.salaryMax() : vacancy.salaryMin();
    if (profile.salaryExpectation() == null || top == null || weights.salary() == 0) {
      return;
    }
    int hoped = profile.salaryExpectation();
    double fraction = hoped <= top ? 1 : (double) top / hoped;
    parts.add(
        "salary",
        weights.salary(),
        fraction,
        () -> "pays up to £" + top + "; you hope for £" + hoped);
  }

  private static void availability(
      ProfileData profile, VacancyData vacancy, Weights weights, Parts parts) {
    if (vacancy.startDate() == null
        || profile.availableFrom() == null
        || weights.availability() == 0) {
      return;
    }
    long late = ChronoUnit.DAYS.between(vacancy.startDate(), profile.availableFrom());
    if (late <= 0) {
      parts.add(
          "availability",
          weights.availability(),
          1,
          () -> "you can start by " + vacancy.startDate());
      return;
    }
    double fraction = Math.max(0, 1 - (double) late / LATE_START_TOLERANCE_DAYS);
    parts.add(
        "availability",
        weights.availability(),
        fraction,
        () -> "you can start " + late + " days after " + vacancy.startDate());
  }
}
