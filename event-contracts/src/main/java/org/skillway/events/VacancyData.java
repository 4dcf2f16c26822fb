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
    VacancyStatus status) {
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
