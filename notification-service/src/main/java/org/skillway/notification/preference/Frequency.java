package org.skillway.notification.preference;

/** How often a person wants e-mail: each match as it comes, or a digest. */
public enum Frequency {
  INSTANT,
  DAILY,
  WEEKLY
}
