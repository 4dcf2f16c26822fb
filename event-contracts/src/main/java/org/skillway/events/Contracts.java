package org.skillway.events;

import java.util.List;
import java.util.Objects;

/**
 * Argument checks shared by the event records, so a malformed event fails on decoding, not deep in
 * a consumer.
 */
final class Contracts {
  private Contracts() {}

  static String requireText(String value, String field, int maxLength) {
    if (value == null || value.isBlank()) {
      throw new IllegalArgumentException(field + " is required");
    }
    if (value.length() > maxLength) {
      throw new IllegalArgumentException(field + " must be at most " + maxLength + " characters");
    }
    return value;
  }

  /** {@code null} passes: the field is optional; given, it is text as {@link #requireText} says. */
  static String requireOptionalText(String value, String field, int maxLength) {
    return value == null ? null : requireText(value, field, maxLength);
  }

  static <T> List<T> requireList(List<T> values, String field) {
    Objects.requireNonNull(values, field);
    for (T value : values) {
      Objects.requireNonNull(value, field + " must not contain null");
    }
    return List.copyOf(values);
  }

  static Integer requireOptionalRange(Integer value, String field, int min, int max) {
    return value == null ? null : requireRange(value, field, min, max);
  }

  static int requireRange(int value, String field, int min, int max) {
    if (value < min || value > max) {
      throw new IllegalArgumentException(field + " must be between " + min + " and " + max);
    }
    return value;
  }
}
