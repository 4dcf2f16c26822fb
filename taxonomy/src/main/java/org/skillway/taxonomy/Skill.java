package org.skillway.taxonomy;

import java.util.Collections;
import java.util.EnumSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * An ESCO skill, body of knowledge or skill group.
 *
 * @param id the concept URI without {@code http://data.europa.eu/esco/}, e.g. {@code
 *     skill/000f1d3d-…} or {@code isced-f/0613}
 * @param altLabels synonyms, in ESCO's order
 * @param collections the fine-grained collections the skill is in; empty for skill groups
 * @param description ESCO's description; empty when it has none
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
    Objects.requireNonNull(id, "id");
    Objects.requireNonNull(uri, "uri");
    Objects.requireNonNull(preferredLabel, "preferredLabel");
    Objects.requireNonNull(kind, "kind");
    altLabels = altLabels == null ? List.of() : List.copyOf(altLabels);
    // An EnumSet keeps the collections in declaration order, so JSON views are stable.
    EnumSet<Collection> copy = EnumSet.noneOf(Collection.class);
    if (collections != null) {
      copy.addAll(collections);
    }
    collections = Collections.unmodifiableSet(copy);
    description = description == null ? "" : description.strip();
  }
}
