package org.skillway.events;

/**
 * Where the work happens. A remote role suits every location; hybrid and on-site roles are bounded
 * by commute.
 */
public enum WorkMode {
  ONSITE,
  HYBRID,
  REMOTE
}
