package org.skillway.matching.match;

/** Whether a stored match stands. */
public enum MatchStatus {
  ACTIVE,
  WITHDRAWN
}
