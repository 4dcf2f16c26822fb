package org.skillway.taxonomy;

import java.util.List;
import java.util.Set;

/**
 * An ESCO skill, body of knowledge or skill group.
 *
 * @param id the concept URI without {@code http://data.europa.eu/esco/}, e.g. {@code
 *     skill/000f1d3d-…} or {@code isced-f/0613}
 * @param collections the fine-grained collections the skill is in; empty for skill groups
 */
public record Skill(
    String id,
    String uri,
    String preferredLabel,
    List<String> altLabels,
    Kind kind,
    Set<Collection> collections,
    String description) {
  public Skill {
    altLabels = List.copyOf(altLabels);
    collections = Set.copyOf(collections);
  }
}
