package org.skillway.notification.system;

import java.math.BigDecimal;
import org.skillway.support.ApiProblemException;

/**
 * Whole numbers in requests. Request fields are read as {@link BigDecimal}, so that a number too
 * large for an {@code int} is still answered as a problem with that field, not as unreadable JSON.
 */
public final class Numbers {
  private Numbers() {}

  public static int wholeBetween(String field, BigDecimal value, int min, int max) {
    boolean whole = value.signum() == 0 || value.stripTrailingZeros().scale() <= 0;
    if (!whole
        || value.compareTo(BigDecimal.valueOf(min)) < 0
        || value.compareTo(BigDecimal.valueOf(max)) > 0) {
      throw ApiProblemException.invalid(field, "must be a whole number from " + min + " to " + max);
    }
    return value.intValueExact();
  }

  /** A query parameter: absent gives {@code fallback}; anything but a whole number is refused. */
  public static int parameterBetween(String field, String value, int fallback, int min, int max) {
    if (value == null || value.isBlank()) {
      return fallback;
    }
    BigDecimal number;
    try {
      number = new BigDecimal(value.strip());
    } catch (NumberFormatException e) {
      throw ApiProblemException.invalid(field, "must be a whole number from " + min + " to " + max);
    }
    return wholeBetween(field, number, min, max);
  }
}
