package org.skillway.taxonomy;

import java.util.List;

/** An ESCO occupation, with its ISCO-08 group code. */
public record Occupation(
    String id, String uri, String preferredLabel, List<String> altLabels, String iscoGroup) {
  public Occupation {
    altLabels = List.copyOf(altLabels);
  }
}
