package org.skillway.ingest.vacancy;

import java.time.Instant;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyStatus;
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
    Vacancy vacancy,
    VacancyStatus status,
    Instant updatedAt) {

  /**
   * What the event carries: the matchable part.
   *
   * @param employerName the employer's display name, {@code null} if it set none
   */
  VacancyData data(String employerName) {
    return vacancy.matchable(employerId, status, employerName);
  }
}
