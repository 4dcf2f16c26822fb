package org.skillway.taxonomy;

import java.util.HashMap;
import java.util.Map;

/**
 * One string per concept id while loading. The same id appears in many files (a skill's row, its
 * broader links, its related links, occupation profiles); sharing one copy keeps the held pillar
 * small.
 */
final class Ids {
  private final Map<String, String> seen = new HashMap<>(1 << 15);

  /** The shared id for a URI or id. */
  String of(String uriOrId) {
    return seen.computeIfAbsent(Labels.id(uriOrId), id -> id);
  }
}
