package org.skillway.events;

/** What an employer offers. */
public enum VacancyKind {
  JOB,
  APPRENTICESHIP,
  PLACEMENT
}
