package org.skillway.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/** A role as its employer posted it: what matching needs and what a candidate is shown. */
public record VacancyData(
    String employerId,
    String title,
    VacancyKind kind,
    List<SkillLevel> requiredSkills,
    String outcode,
    LocalDate closingDate) {
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
  }
}
