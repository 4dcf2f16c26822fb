package org.skillway.matching.system;

import java.util.Optional;
import java.util.OptionalDouble;
import org.skillway.matching.match.Distances;
import org.skillway.taxonomy.geo.Coordinates;
import org.skillway.taxonomy.geo.Outcodes;

/** Great-circle distances between the bundled UK postcode outcodes. */
public final class OutcodeDistances implements Distances {
  private final Outcodes outcodes;

  public OutcodeDistances(Outcodes outcodes) {
    this.outcodes = outcodes;
  }

  @Override
  public OptionalDouble kilometres(String fromOutcode, String toOutcode) {
    var from = outcodes.find(fromOutcode);
    var to = outcodes.find(toOutcode);
    if (from.isEmpty() || to.isEmpty()) {
      return OptionalDouble.empty();
    }
    Coordinates a = from.get();
    return OptionalDouble.of(a.kilometresTo(to.get()));
  }

  @Override
  public Optional<Coordinates> locate(String outcode) {
    return outcodes.find(outcode);
  }
}
