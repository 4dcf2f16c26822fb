package org.skillway.taxonomy;

import java.util.List;
import java.util.Set;

/**
 * An ESCO skill, body of knowledge or skill group.
 *
 * @param id the concept URI without {@code http://data.europa.eu/esco/}, e.g. {@code
 *     skill/000f1d3d-…} or {@code isced-f/0613}
 * @param collections the ESCO v1.2.0 collections (digital, green, ...) the skill is in; empty for
 *     most skills and for skill groups
 * @param reuseLevel how widely ESCO says the skill is used; {@link ReuseLevel#UNKNOWN} for groups
 * @param escoVersion the ESCO release the labels and description come from: {@code 1.2.0} when
 *     v1.2.0 has a row for the concept (collections, groups, hierarchy), else {@code 1.1.1}
 * @param retired true for a v1.1.1 concept that ESCO v1.2.0 no longer names at all: still found by
 *     id, so stored profiles keep working, but never offered or accepted for new input
 */
public record Skill(
    String id,
    String uri,
    String preferredLabel,
    List<String> altLabels,
    Kind kind,
    Set<Collection> collections,
    String description,
    ReuseLevel reuseLevel,
    String escoVersion,
    boolean retired) {
  public Skill {
    altLabels = List.copyOf(altLabels);
    collections = Set.copyOf(collections);
  }
}
