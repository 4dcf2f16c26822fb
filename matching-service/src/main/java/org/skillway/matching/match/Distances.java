package org.skillway.matching.match;

import java.util.OptionalDouble;

/** Great-circle distance between two UK postcode outcodes; empty when either is unknown. */
public interface Distances {
  OptionalDouble kilometres(String fromOutcode, String toOutcode);
}
