package org.skillway.ingest.skill;

import java.util.Locale;

/** UK postcode outcodes such as {@code M1}, {@code PR1} or {@code WA14}. */
public final class Outcodes {
  public static final String PATTERN = "^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?$";
  public static final String MESSAGE = "must be a UK postcode outcode such as M1 or PR1";

  private Outcodes() {}

  public static String normalise(String outcode) {
    return outcode.trim().toUpperCase(Locale.ROOT);
  }
}
