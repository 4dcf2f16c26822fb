package org.skillway.taxonomy;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * Finds items by any of their labels: exactly (after {@link Labels#normalise}), by prefix, by the
 * prefix of a word in the label, or as a near miss by trigram similarity. Built once; read-only and
 * thread-safe after.
 */
final class LabelIndex<T> {
  static final double NEAR_MISS_THRESHOLD = 0.3;

  private record Entry<T>(String normalised, String label, T item) {}

  /** A found item with the label it was found by. */
  record Hit<T>(T item, String label, double score) {}

  private final List<Entry<T>> entries = new ArrayList<>();
  private final Map<String, T> exact = new HashMap<>();
  private final Map<String, List<Integer>> byTrigram = new HashMap<>();
  private final Function<T, String> sortKey;

  LabelIndex(Function<T, String> sortKey) {
    this.sortKey = sortKey;
  }

  /**
   * Adds a label; the first item to claim a normalised label keeps it, so add preferred labels
   * first.
   */
  void add(String label, T item) {
    String normalised = Labels.normalise(label);
    if (normalised.isEmpty()) {
      return;
    }
    exact.putIfAbsent(normalised, item);
    int position = entries.size();
    entries.add(new Entry<>(normalised, label, item));
    for (String gram : Labels.trigrams(normalised)) {
      byTrigram.computeIfAbsent(gram, g -> new ArrayList<>()).add(position);
    }
  }

  Optional<T> exact(String text) {
    return Optional.ofNullable(exact.get(Labels.normalise(text)));
  }

  List<Hit<T>> search(String text, int limit) {
    String query = Labels.normalise(text);
    if (query.isEmpty() || limit <= 0) {
      return List.of();
    }
    Map<T, Hit<T>> best = new LinkedHashMap<>();
    String wordStart = " " + query;
    for (Entry<T> entry : entries) {
      double score;
      if (entry.normalised().equals(query)) {
        score = 1.0;
      } else if (entry.normalised().startsWith(query)) {
        score = 0.9;
      } else if (entry.normalised().contains(wordStart)) {
        score = 0.8;
      } else {
        continue;
      }
      offer(best, new Hit<>(entry.item(), entry.label(), score));
    }
    if (best.size() < limit) {
      nearMisses(query).forEach(hit -> offer(best, hit));
    }
    return best.values().stream()
        .sorted(
            Comparator.comparingDouble((Hit<T> h) -> h.score())
                .reversed()
                .thenComparing(h -> sortKey.apply(h.item())))
        .limit(limit)
        .toList();
  }

  /** Dice similarity of trigram sets, scaled below any prefix hit. */
  private List<Hit<T>> nearMisses(String query) {
    Set<String> grams = Labels.trigrams(query);
    Map<Integer, Integer> shared = new HashMap<>();
    for (String gram : grams) {
      for (int position : byTrigram.getOrDefault(gram, List.of())) {
        shared.merge(position, 1, Integer::sum);
      }
    }
    List<Hit<T>> hits = new ArrayList<>();
    shared.forEach(
        (position, count) -> {
          Entry<T> entry = entries.get(position);
          double dice = 2.0 * count / (grams.size() + Labels.trigrams(entry.normalised()).size());
          if (dice >= NEAR_MISS_THRESHOLD) {
            hits.add(new Hit<>(entry.item(), entry.label(), 0.75 * dice));
          }
        });
    return hits;
  }

  private static <T> void offer(Map<T, Hit<T>> best, Hit<T> hit) {
    best.merge(hit.item(), hit, (a, b) -> b.score() > a.score() ? b : a);
  }
}
