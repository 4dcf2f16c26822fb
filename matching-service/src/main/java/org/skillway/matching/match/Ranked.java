package org.skillway.matching.match;

import java.util.Comparator;
import java.util.PriorityQueue;

/** A scored candidate; explained and turned into a full match only if it makes the top K. */
record Ranked(String id, int score, String profileId, String vacancyId) {
  /** Higher score first, then lower id: a total, deterministic order. */
  static final Comparator<Ranked> BEST_FIRST =
      Comparator.comparingInt(Ranked::score).reversed().thenComparing(Ranked::id);

  static final Comparator<Ranked> WORST_FIRST = BEST_FIRST.reversed();

  /** Adds {@code ranked} to a heap of the best {@code k}, worst first, dropping the worst. */
  static void offer(PriorityQueue<Ranked> heap, Ranked ranked, int k) {
    heap.add(ranked);
    if (heap.size() > k) {
      heap.poll();
    }
  }
}
