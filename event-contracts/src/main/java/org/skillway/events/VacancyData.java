package org.skillway.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * A role as its employer posted it: what matching needs and what a candidate is shown. Optional
 * fields are {@code null} when the employer has not said.
 *
 * @param niceToHaveSkills skills that earn extra credit but are not required; empty if none
 * @param level entry, mid or senior, if given
 * @param minYears the minimum years of experience asked for, if any
 * @param workMode on-site (the default), hybrid or remote
 * @param salaryMin lower end of the yearly salary in pounds, if given
 * @param salaryMax upper end of the yearly salary in pounds, if given
 * @param startDate when the role starts, if given
 * @param deviceProvided the employer provides a laptop or similar
 * @param status open (the default) or closed; a closed vacancy withdraws its matches
 * @param additionalOutcodes other places the role is offered besides {@code outcode} (at most 9, so
 *     10 in all); a person is as near as their nearest one
 * @param nationwide the role can be taken up anywhere in the UK: nobody is too far away
 * @param employerName the employer's display name as it was when the vacancy was published, for
 *     people to see instead of its id; {@code null} if it had none (or the event is older than the
 *     field)
 * @param occupation the ESCO occupation the role is an instance of, by id; {@code null} if the
 *     employer named none (or the event is older than the field). Matching uses it, with a
 *     retrainer's own occupation, to say which skills such a move is built on
 */
public record VacancyData(
    String employerId,
    String title,
    VacancyKind kind,
    List<SkillLevel> requiredSkills,
    String outcode,
    LocalDate closingDate,
    List<SkillLevel> niceToHaveSkills,
    Seniority level,
    Integer minYears,
    WorkMode workMode,
    Integer salaryMin,
    Integer salaryMax,
    LocalDate startDate,
    boolean deviceProvided,
    VacancyStatus status,
    List<String> additionalOutcodes,
    boolean nationwide,
    String employerName,
    String occupation) {
  public static final int MAX_LOCATIONS = 10;
  public static final int MAX_EMPLOYER_NAME = 100;

  public VacancyData {
    Contracts.requireText(employerId, "employerId", 64);
    Contracts.requireText(title, "title", 200);
    Objects.requireNonNull(kind, "kind");
    requiredSkills = Contracts.requireList(requiredSkills, "requiredSkills");
    if (requiredSkills.isEmpty()) {
      throw new IllegalArgumentException("requiredSkills must not be empty");
    }
    Contracts.requireText(outcode, "outcode", 4);
    Objects.requireNonNull(closingDate, "closingDate");
    niceToHaveSkills =
        niceToHaveSkills == null
            ? List.of()
            : Contracts.requireList(niceToHaveSkills, "niceToHaveSkills");
    Contracts.requireOptionalRange(minYears, "minYears", 0, 70);
    workMode = workMode == null ? WorkMode.ONSITE : workMode;
    Contracts.requireOptionalRange(salaryMin, "salaryMin", 0, 1_000_000);
    Contracts.requireOptionalRange(salaryMax, "salaryMax", 0, 1_000_000);
    if (salaryMin != null && salaryMax != null && salaryMin > salaryMax) {
      throw new IllegalArgumentException("salaryMin must not exceed salaryMax");
    }
    status = status == null ? VacancyStatus.OPEN : status;
    additionalOutcodes =
        additionalOutcodes == null
            ? List.of()
            : Contracts.requireList(additionalOutcodes, "additionalOutcodes");
    if (additionalOutcodes.size() > MAX_LOCATIONS - 1) {
      throw new IllegalArgumentException(
          "a vacancy has at most " + MAX_LOCATIONS + " locations, outcode included");
    }
    additionalOutcodes.forEach(o -> Contracts.requireText(o, "additionalOutcodes[]", 4));
    Contracts.requireOptionalText(employerName, "employerName", MAX_EMPLOYER_NAME);
    Contracts.requireOptionalText(occupation, "occupation", 200);
  }

  /** A vacancy that names no occupation. */
  public VacancyData(
      String employerId,
      String title,
      VacancyKind kind,
      List<SkillLevel> requiredSkills,
      String outcode,
      LocalDate closingDate,
      List<SkillLevel> niceToHaveSkills,
      Seniority level,
      Integer minYears,
      WorkMode workMode,
      Integer salaryMin,
      Integer salaryMax,
      LocalDate startDate,
      boolean deviceProvided,
      VacancyStatus status,
      List<String> additionalOutcodes,
      boolean nationwide,
      String employerName) {
    this(
        employerId,
        title,
        kind,
        requiredSkills,
        outcode,
        closingDate,
        niceToHaveSkills,
        level,
        minYears,
        workMode,
        salaryMin,
        salaryMax,
        startDate,
        deviceProvided,
        status,
        additionalOutcodes,
        nationwide,
        employerName,
        null);
  }

  /** A vacancy whose employer is not named (it set no display name). */
  public VacancyData(
      String employerId,
      String title,
      VacancyKind kind,
      List<SkillLevel> requiredSkills,
      String outcode,
      LocalDate closingDate,
      List<SkillLevel> niceToHaveSkills,
      Seniority level,
      Integer minYears,
      WorkMode workMode,
      Integer salaryMin,
      Integer salaryMax,
      LocalDate startDate,
      boolean deviceProvided,
      VacancyStatus status,
      List<String> additionalOutcodes,
      boolean nationwide) {
    this(
        employerId,
        title,
        kind,
        requiredSkills,
        outcode,
        closingDate,
        niceToHaveSkills,
        level,
        minYears,
        workMode,
        salaryMin,
        salaryMax,
        startDate,
        deviceProvided,
        status,
        additionalOutcodes,
        nationwide,
        null,
        null);
  }

  /** A vacancy in one place (or remote). */
  public VacancyData(
      String employerId,
      String title,
      VacancyKind kind,
      List<SkillLevel> requiredSkills,
      String outcode,
      LocalDate closingDate,
      List<SkillLevel> niceToHaveSkills,
      Seniority level,
      Integer minYears,
      WorkMode workMode,
      Integer salaryMin,
      Integer salaryMax,
      LocalDate startDate,
      boolean deviceProvided,
      VacancyStatus status) {
    this(
        employerId,
        title,
        kind,
        requiredSkills,
        outcode,
        closingDate,
        niceToHaveSkills,
        level,
        minYears,
        workMode,
        salaryMin,
        salaryMax,
        startDate,
        deviceProvided,
        status,
        List.of(),
        false);
  }

  /** Every place the role is offered: {@code outcode} first. */
  public List<String> outcodes() {
    if (additionalOutcodes.isEmpty()) {
      return List.of(outcode);
    }
    List<String> all = new java.util.ArrayList<>(additionalOutcodes.size() + 1);
    all.add(outcode);
    all.addAll(additionalOutcodes);
    return List.copyOf(all);
  }

  /** Whether distance can rule a person out: not for a remote or nationwide role. */
  public boolean distanceMatters() {
    return workMode != WorkMode.REMOTE && !nationwide;
  }

  /** The sum of the required skills' weights. */
  public int requiredWeight() {
    int total = 0;
    for (SkillLevel skill : requiredSkills) {
      total += skill.weightOrOne();
    }
    return total;
  }

  /** A vacancy with only the required fields: on-site, open. */
  public VacancyData(
      String employerId,
      String title,
      VacancyKind kind,
      List<SkillLevel> requiredSkills,
      String outcode,
      LocalDate closingDate) {
    this(
        employerId,
        title,
        kind,
        requiredSkills,
        outcode,
        closingDate,
        List.of(),
        null,
        null,
        null,
        null,
        null,
        null,
        false,
        VacancyStatus.OPEN);
  }

  /** Open until the end of its closing day, unless closed earlier. */
  public boolean isOpenOn(LocalDate day) {
    return status == VacancyStatus.OPEN && !closingDate.isBefore(day);
  }
}
