package org.skillway.events;

/** A closed vacancy withdraws its matches. */
public enum VacancyStatus {
  OPEN,
  CLOSED
}
