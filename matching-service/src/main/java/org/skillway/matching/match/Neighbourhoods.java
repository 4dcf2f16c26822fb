package org.skillway.matching.match;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * The taxonomy walks that matching repeats, done once per skill and kept: what a person with a
 * skill reaches (broader concepts within {@link #HOPS} steps, narrower ones, related skills), and,
 * the other way round, which skills reach a needed one. A profile's reach is then a merge of short
 * lists instead of a walk of the graph.
 */
public final class Neighbourhoods {
  /** How far up or down the hierarchy a skill still earns credit. */
  public static final int HOPS = 2;

  /** A skill reached from another, and how. */
  record Near(String skillId, Proximity proximity) {}

  /**
   * The skills whose holders reach a needed skill, by proximity, strongest first: the skill itself,
   * narrower ones (a Java developer has "programming"), broader ones, related ones.
   */
  record Holders(
      List<String> exact, List<String> narrower, List<String> broader, List<String> related) {}

  private final SkillGraph graph;
  private final Map<String, List<Near>> reachedFrom = new ConcurrentHashMap<>();
  private final Map<String, Holders> holdersOf = new ConcurrentHashMap<>();

  public Neighbourhoods(SkillGraph graph) {
    this.graph = graph;
  }

  public SkillGraph graph() {
    return graph;
  }

  /** Everything a holder of {@code skillId} reaches, besides the skill itself, best way first. */
  List<Near> reachedFrom(String skillId) {
    return reachedFrom.computeIfAbsent(skillId, this::walkFrom);
  }

  Holders holdersOf(String skillId) {
    return holdersOf.computeIfAbsent(
        skillId,
        id ->
            new Holders(
                List.of(id),
                List.copyOf(within(id, graph::narrower)),
                List.copyOf(within(id, graph::broader)),
                List.copyOf(graph.related(id))));
  }

  private List<Near> walkFrom(String skillId) {
    Map<String, Proximity> reached = new LinkedHashMap<>();
    within(skillId, graph::broader).forEach(s -> reached.putIfAbsent(s, Proximity.NARROWER));
    within(skillId, graph::narrower).forEach(s -> reached.putIfAbsent(s, Proximity.BROADER));
    graph.related(skillId).forEach(s -> reached.putIfAbsent(s, Proximity.RELATED));
    reached.remove(skillId);
    List<Near> near = new ArrayList<>(reached.size());
    reached.forEach((id, proximity) -> near.add(new Near(id, proximity)));
    return List.copyOf(near);
  }

  /** Concepts up to {@link #HOPS} steps away along {@code step}, nearest first. */
  private static Set<String> within(String from, Function<String, Set<String>> step) {
    Set<String> reached = new java.util.LinkedHashSet<>();
    Set<String> frontier = Set.of(from);
    for (int hop = 0; hop < HOPS; hop++) {
      Set<String> next = new HashSet<>();
      for (String id : frontier) {
        next.addAll(step.apply(id));
      }
      reached.addAll(next);
      frontier = next;
    }
    return reached;
  }
}
