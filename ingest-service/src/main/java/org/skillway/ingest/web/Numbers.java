package org.skillway.ingest.web;

/** Whole numbers as people type them into a form. */
final class Numbers {
  private Numbers() {}

  /** The number, or null when the text is empty or not a whole number. */
  static Integer whole(String text) {
    if (text == null || text.isBlank() || text.strip().length() > 9) {
      return null;
    }
    try {
      return Integer.valueOf(text.strip().replace(",", ""));
    } catch (NumberFormatException notANumber) {
      return null;
    }
  }
}
