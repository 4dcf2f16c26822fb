package org.skillway.taxonomy;

import java.util.List;
import java.util.Objects;

/**
 * An ESCO occupation.
 *
 * @param id the concept URI without {@code http://data.europa.eu/esco/}, e.g. {@code
 *     occupation/00030d09-…}
 * @param iscoGroup the ISCO-08 unit group code, e.g. {@code 2512} for software developers
 */
public record Occupation(
    String id, String uri, String preferredLabel, List<String> altLabels, String iscoGroup) {
  public Occupation {
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(preferredLabel, "preferredLabel");
    altLabels = altLabels == null ? List.of() : List.copyOf(altLabels);
    iscoGroup = iscoGroup == null ? "" : iscoGroup;
  }
}
