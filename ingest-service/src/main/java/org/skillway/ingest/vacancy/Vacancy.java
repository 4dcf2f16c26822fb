package org.skillway.ingest.vacancy;

import io.swagger.v3.oas.annotations.media.Schema;
import java.time.LocalDate;
import java.util.List;
import java.util.stream.Stream;
import org.skillway.events.Seniority;
import org.skillway.events.SkillLevel;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyKind;
import org.skillway.events.VacancyStatus;
import org.skillway.events.WorkMode;

/**
 * A checked vacancy as stored: skills and occupation under their ESCO ids, text trimmed, defaults
 * filled in. Made by {@link VacancyChecks} from a {@link VacancyRequest}; its fields keep the
 * request's names, so the stored document and the API's answer read the same. Only {@link
 * #matchable} leaves this service.
 *
 * @param requiredSkills each with the level asked for and its weight (1-5, {@code null} for 1)
 * @param occupation the ESCO occupation id, or {@code null}
 * @param additionalOutcodes other places besides {@code outcode}, up to 9
 */
public record Vacancy(
    String title,
    VacancyKind kind,
    List<Skill> requiredSkills,
    String outcode,
    LocalDate closingDate,
    List<Skill> niceToHaveSkills,
    Seniority level,
    Integer minYears,
    WorkMode workMode,
    Integer salaryMin,
    Integer salaryMax,
    LocalDate startDate,
    boolean deviceProvided,
    String description,
    String sector,
    String occupation,
    int positions,
    boolean flexibleHours,
    boolean disabilityConfident,
    VacancyRequest.Apprenticeship apprenticeship,
    List<String> additionalOutcodes,
    boolean nationwide) {

  public Vacancy {
    requiredSkills = List.copyOf(requiredSkills);
    niceToHaveSkills = niceToHaveSkills == null ? List.of() : List.copyOf(niceToHaveSkills);
    additionalOutcodes = additionalOutcodes == null ? List.of() : List.copyOf(additionalOutcodes);
  }

  /**
   * A skill a vacancy asks for, under its ESCO id.
   *
   * @param weight how much it counts against the other required skills (1-5); {@code null} for 1
   */
  @Schema(name = "VacancySkill")
  public record Skill(String skillId, int level, Integer weight) {
    SkillLevel asEvent() {
      return new SkillLevel(skillId, level, weight, null);
    }
  }

  /** The skill ids it asks for, required first, then nice to have. */
  public List<String> skillIds() {
    return Stream.concat(requiredSkills.stream(), niceToHaveSkills.stream())
        .map(Skill::skillId)
        .toList();
  }

  /**
   * What matching needs, as the event carries it.
   *
   * @param employerName the employer's display name, {@code null} if it set none
   */
  VacancyData matchable(String employerId, VacancyStatus status, String employerName) {
    return new VacancyData(
        employerId,
        title,
        kind,
        requiredSkills.stream().map(Skill::asEvent).toList(),
        outcode,
        closingDate,
        niceToHaveSkills.stream().map(Skill::asEvent).toList(),
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
        occupation);
  }
}
