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

  public Scorer(ScoringPolicy policy, Distances distances) {
    this.policy = policy;
    this.distances = distances;
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
            List.copyOf(parts.list),
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
   * Points and maxima of the parts, with reasons only when explaining (building them costs more
   * than scoring).
   */
  private static final class Parts {
    final boolean explain;
    final List<ScorePart> list;
    int points;
    int maximum;

    Parts(boolean explain) {
      this.explain = explain;
      this.list = explain ? new ArrayList<>() : null;
    }

    void add(String name, int weight, double fraction, Supplier<String> reason) {
      int earned = (int) Math.round(weight * Math.max(0, Math.min(1, fraction)));
      points += earned;
      maximum += weight;
      if (explain) {
        list.add(new ScorePart(name, earned, weight, reason.get()));
      }
    }
  }

  /** The rules, once, for both scoring and explaining. Returns -1 when the pair does not match. */
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
    if (requiredCredit == 0) {
      return -1;
    }
    Weights weights = policy.weightsFor(profile.pathway());
    parts.add(
        "requiredSkills",
        weights.requiredSkills(),
        requiredCredit / vacancy.requiredWeight(),
        requiredReason);
    if (!vacancy.niceToHaveSkills().isEmpty() && weights.niceToHave() > 0) {
      parts.add(
          "niceToHaveSkills",
          weights.niceToHave(),
          niceCredit / totalWeight(vacancy.niceToHaveSkills()),
          niceReason);
    }
    experience(profile, vacancy, weights, parts);
    pathwayFit(profile.pathway(), vacancy, weights, parts);
    location(profile, vacancy, distance, maxKm, weights, parts);
    salary(profile, vacancy, weights, parts);
    availability(profile, vacancy, weights, parts);
    if (profile.needsDevice() && vacancy.deviceProvided() && weights.device() > 0) {
      // Only ever added when it helps: a person who needs no device, or a role without one, is not
      // judged on it.
      parts.add("device", weights.device(), 1, () -> "the employer provides the device you need");
    }
    return (int) Math.round(100.0 * parts.points / parts.maximum);
  }

  /**
   * A tighter bound for a known pair: only the parts that could be judged for these two sides
   * count, and the pathway fit is known exactly. Never below the real score, since a part left out
   * here is left out there.
   */
  public int upperBound(ProfileData profile, VacancyData vacancy, double averageRequiredCredit) {
    Pathway pathway = profile.pathway();
    return upperBound(
        pathway,
        averageRequiredCredit,
        fitPoints(pathway, vacancy),
        judgedParts(vacancy) & judgedParts(profile));
  }

  /**
   * The same bound from parts an index can keep in arrays: the pathway-fit points ({@link
   * #fitPoints}) and the parts both sides can be judged on ({@link #judgedParts}, combined with
   * {@code &}).
   */
  public int upperBound(
      Pathway pathway, double averageRequiredCredit, int fitPoints, int judgedParts) {
    return upperBound(policy.weightsFor(pathway), averageRequiredCredit, fitPoints, judgedParts);
  }

  /** The same, with the pathway's weights already looked up. */
  public static int upperBound(
      Weights w, double averageRequiredCredit, int fitPoints, int judgedParts) {
    // Half a point of slack for the rounding of the skills part.
    double points = w.requiredSkills() * averageRequiredCredit + 0.5 + fitPoints;
    double maximum = w.requiredSkills() + w.pathwayFit();
    if (points >= maximum) {
      return 100;
    }
    int others = w.location();
    others += (judgedParts & NICE_TO_HAVE) != 0 ? w.niceToHave() : 0;
    others += (judgedParts & EXPERIENCE) != 0 ? w.experience() : 0;
    others += (judgedParts & SALARY) != 0 ? w.salary() : 0;
    others += (judgedParts & AVAILABILITY) != 0 ? w.availability() : 0;
    others += (judgedParts & DEVICE) != 0 ? w.device() : 0;
    return (int) Math.min(100, Math.ceil(100.0 * (points + others) / (maximum + others)));
  }

  /** The points the pathway-fit part gives, exactly as scoring rounds them. */
  public int fitPoints(Pathway pathway, VacancyData vacancy) {
    return (int) Math.round(policy.weightsFor(pathway).pathwayFit() * fit(pathway, vacancy));
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
   * A need's credit counted by its weight. Every sum of credit (here and in the index) goes through
   * this, in the vacancy's order, so that all arrive at the same score.
   */
  static double weighted(double credit, SkillLevel need) {
    return credit * need.weightOrOne();
  }

  /** The sum of the weights of these needs: what their weighted credit is divided by. */
  static int totalWeight(List<SkillLevel> needs) {
    int total = 0;
    for (SkillLevel need : needs) {
      total += need.weightOrOne();
    }
    return total;
  }

  private static double skillCredit(
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

  private static void pathwayFit(
      Pathway pathway, VacancyData vacancy, Weights weights, Parts parts) {
    double fit = fit(pathway, vacancy);
    parts.add(
        "pathwayFit",
        weights.pathwayFit(),
        fit,
        () -> {
          String kind = vacancy.kind().name().toLowerCase();
          String role = vacancy.level() == null ? kind : describe(vacancy.level()) + " " + kind;
          return ("aeiou".indexOf(role.charAt(0)) >= 0 ? "an " : "a ")
              + role
              + (fit >= 0.8 ? " suits " : fit >= 0.5 ? " can suit " : " rarely suits ")
              + describe(pathway);
        });
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
    if (profile.workMode() == WorkMode.REMOTE) {
      parts.add(
          "location",
          weights.location(),
          0,
          () -> Math.round(km) + " km away, but you asked for remote work");
      return;
    }
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
