package org.skillway.ingest.skill;

import java.util.Locale;
import org.skillway.support.ApiProblemException;

/**
 * UK postcode outcodes such as {@code M1}, {@code PR1} or {@code WA14}, checked against the bundled
 * list (Office for National Statistics data, see NOTICE) so that every stored place can be found on
 * the map.
 */
public final class Outcodes {
  public static final String PATTERN = "^[A-Za-z]{1,2}[0-9][A-Za-z0-9]?$";
  public static final String MESSAGE = "must be a UK postcode outcode such as M1 or PR1";

  private final org.skillway.taxonomy.geo.Outcodes known;

  public Outcodes(org.skillway.taxonomy.geo.Outcodes known) {
    this.known = known;
  }

  /**
   * The outcode in capitals.
   *
   * @throws ApiProblemException naming {@code field} when no such outcode exists
   */
  public String resolve(String field, String outcode) {
    String normal = outcode.trim().toUpperCase(Locale.ROOT);
    if (known.find(normal).isEmpty()) {
      throw ApiProblemException.invalid(
          field, "'" + normal + "' is not a known UK postcode outcode (the part before the space)");
    }
    return normal;
  }

  /** Kilometres between the centres of two outcodes, when both are known. */
  public java.util.OptionalDouble kilometres(String from, String to) {
    if (from == null || to == null) {
      return java.util.OptionalDouble.empty();
    }
    var a = known.find(from.trim().toUpperCase(Locale.ROOT));
    var b = known.find(to.trim().toUpperCase(Locale.ROOT));
    return a.isPresent() && b.isPresent()
        ? java.util.OptionalDouble.of(a.get().kilometresTo(b.get()))
        : java.util.OptionalDouble.empty();
  }
}
