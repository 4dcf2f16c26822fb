package org.skillway.events;

import java.util.Objects;

/** A vacancy was posted or changed; carries the whole vacancy (the topic is compacted). */
public record VacancyPublished(EventMetadata metadata, VacancyData vacancy)
    implements VacancyEvent {
  public VacancyPublished {
    Objects.requireNonNull(metadata, "metadata");
    Objects.requireNonNull(vacancy, "payload");
  }

  @Override
  public EventType type() {
    return EventType.VACANCY_PUBLISHED;
  }

  @Override
  public VacancyData payload() {
    return vacancy;
  }
}
