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

  /** Scores a pair with every explanation: the parts with their reasons and the skill lists. */
  public Optional<Assessment> assess(
      ProfileData profile, SkillReach reach, VacancyData vacancy, LocalDate today) {
    return evaluate(profile, reach, vacancy, today, true);
  }

  /**
   * The same score as {@link #assess}, without building any explanation: what an index needs to
   * rank candidates, before it explains the few that make the top K.
   */
  public OptionalInt score(
      ProfileData profile, SkillReach reach, VacancyData vacancy, LocalDate today) {
    return evaluate(profile, reach, vacancy, today, false)
        .map(a -> OptionalInt.of(a.score()))
        .orElse(OptionalInt.empty());
  }

  /**
   * Points and maxima of the parts, with reasons only when explaining (building them costs more
   * than scoring).
   */
  private static final class Parts {
    final boolean explain;
    final List<ScorePart> list = new ArrayList<>();
    int points;
    int maximum;

    Parts(boolean explain) {
      this.explain = explain;
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

  private Optional<Assessment> evaluate(
      ProfileData profile,
      SkillReach reach,
      VacancyData vacancy,
      LocalDate today,
      boolean explain) {
    if (!profile.consentToMatch() || !vacancy.isOpenOn(today)) {
      return Optional.empty();
    }
    OptionalDouble distance = distances.kilometres(profile.outcode(), vacancy.outcode());
    double maxKm = reachKm(profile, vacancy);
    if (vacancy.workMode() != WorkMode.REMOTE
        && distance.isPresent()
        && distance.getAsDouble() > maxKm) {
      return Optional.empty();
    }
    Weights weights = policy.weightsFor(profile.pathway());
    Parts parts = new Parts(explain);
    List<String> matched = explain ? new ArrayList<>() : null;
    List<String> missing = explain ? new ArrayList<>() : null;
    List<TransferableSkill> transferable = explain ? new ArrayList<>() : null;

    double requiredCredit =
        skillCredit(vacancy.requiredSkills(), reach, matched, missing, transferable);
    if (requiredCredit == 0) {
      return Optional.empty();
    }
    parts.add(
        "requiredSkills",
        weights.requiredSkills(),
        requiredCredit / vacancy.requiredSkills().size(),
        () -> describeSkills(matched.size(), vacancy.requiredSkills().size(), transferable.size()));
    if (!vacancy.niceToHaveSkills().isEmpty() && weights.niceToHave() > 0) {
      List<String> niceMet = explain ? new ArrayList<>() : null;
      double credit =
          skillCredit(
              vacancy.niceToHaveSkills(),
              reach,
              niceMet,
              explain ? new ArrayList<>() : null,
              explain ? new ArrayList<>() : null);
      parts.add(
          "niceToHaveSkills",
          weights.niceToHave(),
          credit / vacancy.niceToHaveSkills().size(),
          () ->
              "has "
                  + niceMet.size()
                  + " of "
                  + vacancy.niceToHaveSkills().size()
                  + " nice-to-have skills");
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

    int score = (int) Math.round(100.0 * parts.points / parts.maximum);
    if (!explain) {
      return Optional.of(new Assessment(score, List.of(), List.of(), List.of(), List.of()));
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
   * A bound from one side only, cheap enough to compute for every candidate touched by a query: the
   * skills part at the given credit, every other part that side does not rule out at full points.
   */
  public record Bound(int skillsWeight, int othersWeight) {
    public int of(double averageRequiredCredit) {
      double points = skillsWeight * averageRequiredCredit + 0.5 + othersWeight;
      return (int) Math.min(100, Math.ceil(100.0 * points / (skillsWeight + othersWeight)));
    }
  }

  /**
   * For a profile's query: salary, availability and device count only if the profile could be
   * judged on them.
   */
  public Bound boundFor(ProfileData profile) {
    Weights w = policy.weightsFor(profile.pathway());
    int others = w.pathwayFit() + w.location() + w.niceToHave() + w.experience();
    others += profile.salaryExpectation() != null ? w.salary() : 0;
    others += profile.availableFrom() != null ? w.availability() : 0;
    others += profile.needsDevice() ? w.device() : 0;
    return new Bound(w.requiredSkills(), others);
  }

  /**
   * For a vacancy's query and a candidate of one pathway: only the parts the vacancy could be
   * judged on.
   */
  public Bound boundFor(Pathway pathway, VacancyData vacancy) {
    Weights w = policy.weightsFor(pathway);
    int others = w.pathwayFit() + w.location();
    others += vacancy.niceToHaveSkills().isEmpty() ? 0 : w.niceToHave();
    others += vacancy.minYears() != null ? w.experience() : 0;
    others += vacancy.salaryMax() != null || vacancy.salaryMin() != null ? w.salary() : 0;
    others += vacancy.startDate() != null ? w.availability() : 0;
    others += vacancy.deviceProvided() ? w.device() : 0;
    return new Bound(w.requiredSkills(), others);
  }

  /**
   * A tighter bound for a known pair: only the parts that could be judged for these two sides
   * count, and the pathway fit is known exactly. Never below the real score, since a part left out
   * here is left out there.
   */
  public int upperBound(ProfileData profile, VacancyData vacancy, double averageRequiredCredit) {
    Weights w = policy.weightsFor(profile.pathway());
    // Half a point of slack for the rounding of the skills part.
    double points = w.requiredSkills() * averageRequiredCredit + 0.5;
    double maximum = w.requiredSkills();
    points += Math.round(w.pathwayFit() * fit(profile.pathway(), vacancy));
    maximum += w.pathwayFit();
    int others = w.location();
    if (!vacancy.niceToHaveSkills().isEmpty()) {
      others += w.niceToHave();
    }
    if (vacancy.minYears() != null) {
      others += w.experience();
    }
    if (profile.salaryExpectation() != null
        && (vacancy.salaryMax() != null || vacancy.salaryMin() != null)) {
      others += w.salary();
    }
    if (profile.availableFrom() != null && vacancy.startDate() != null) {
      others += w.availability();
    }
    if (profile.needsDevice() && vacancy.deviceProvided()) {
      others += w.device();
    }
    if (points >= maximum) {
      return 100;
    }
    return (int) Math.min(100, Math.ceil(100.0 * (points + others) / (maximum + others)));
  }

  /**
   * Credit of one reached skill against one need: proximity, scaled down if below the level asked
   * for.
   */
  static double credit(Reach reach, int levelNeeded) {
    if (reach == null) {
      return 0;
    }
    double level = reach.level() >= levelNeeded ? 1 : 0.6 * reach.level() / levelNeeded;
    return reach.proximity().credit() * level;
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
      total += credit(reached, need.level());
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
    return transferable == 0 ? text : text + "; " + transferable + " more through related skills";
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
          String role =
              vacancy.level() == null
                  ? vacancy.kind().name().toLowerCase()
                  : vacancy.level().name().toLowerCase()
                      + " "
                      + vacancy.kind().name().toLowerCase();
          return "a "
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

  private static String describe(Pathway pathway) {
    return switch (pathway) {
      case STUDENT -> "a student";
      case RETRAINER -> "someone retraining";
      case EXPERIENCED -> "an experienced hire";
    };
  }

  private double reachKm(ProfileData profile, VacancyData vacancy) {
    int commute =
        profile.maxCommuteKm() == null ? policy.defaultCommuteKm() : profile.maxCommuteKm();
    return vacancy.workMode() == WorkMode.HYBRID ? commute * HYBRID_REACH_FACTOR : commute;
  }

  private static void location(
      ProfileData profile,
      VacancyData vacancy,
      OptionalDouble distance,
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
    if (distance.isEmpty()) {
      return;
    }
    double km = distance.getAsDouble();
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
