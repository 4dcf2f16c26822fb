package org.skillway.events;

/** Events about a vacancy, keyed by vacancy id on {@link Topic#VACANCIES}. */
public sealed interface VacancyEvent extends SkillwayEvent permits VacancyPublished {
  @Override
  default String key() {
    return metadata().aggregateId();
  }
}
