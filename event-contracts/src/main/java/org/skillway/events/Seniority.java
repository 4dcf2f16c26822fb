package org.skillway.events;

/** The level of a role. */
public enum Seniority {
  ENTRY,
  MID,
  SENIOR
}
