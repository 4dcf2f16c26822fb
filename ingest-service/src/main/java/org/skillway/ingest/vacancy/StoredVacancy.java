package org.skillway.ingest.vacancy;

import java.time.Instant;
import java.util.List;
import org.skillway.events.SkillLevel;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyStatus;
import org.skillway.ingest.skill.SkillRequest;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A vacancy as this service keeps it for its employer, in its checked form.
 *
 * @param version the version of the last event published for it
 */
@Document("vacancies")
record StoredVacancy(
    @Id String id,
    String employerId,
    long version,
    VacancyRequest vacancy,
    VacancyStatus status,
    Instant updatedAt) {

  /**
   * What the event carries: the matchable part.
   *
   * @param employerName the employer's display name, {@code null} if it set none
   */
  VacancyData data(String employerName) {
    return new VacancyData(
        employerId,
        vacancy.title(),
        vacancy.kind(),
        vacancy.requiredSkills().stream().map(StoredVacancy::level).toList(),
        vacancy.outcode(),
        vacancy.closingDate(),
        vacancy.niceToHaveSkills().stream().map(StoredVacancy::level).toList(),
        vacancy.level(),
        vacancy.minYears(),
        vacancy.workMode(),
        vacancy.salaryMin(),
        vacancy.salaryMax(),
        vacancy.startDate(),
        Boolean.TRUE.equals(vacancy.deviceProvided()),
        status,
        vacancy.additionalOutcodes() == null ? List.of() : vacancy.additionalOutcodes(),
        Boolean.TRUE.equals(vacancy.nationwide()),
        employerName);
  }

  private static SkillLevel level(SkillRequest skill) {
    return new SkillLevel(skill.skillId(), skill.level(), skill.weight(), null);
  }
}
