package org.skillway.matching.match;

import java.util.Optional;
import java.util.OptionalDouble;
import org.skillway.taxonomy.geo.Coordinates;

/** Great-circle distance between two UK postcode outcodes; empty when either is unknown. */
public interface Distances {
  OptionalDouble kilometres(String fromOutcode, String toOutcode);

  /**
   * Where an outcode is, for the index's geographic grid; empty when unknown, and then the index
   * treats the place as anywhere (it never filters on a place it cannot locate). When present,
   * {@link Coordinates#kilometresTo} between two places must equal {@link #kilometres}.
   */
  default Optional<Coordinates> locate(String outcode) {
    return Optional.empty();
  }
}
