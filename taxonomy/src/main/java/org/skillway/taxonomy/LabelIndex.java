package org.skillway.taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Finds items by any of their labels: exactly (after {@link Labels#normalise}), by the prefix of
 * the label or of a word in it, or as a near miss. Filled once, then read-only and thread-safe.
 *
 * <p>Scores keep the kinds apart, so an exact label (1.0) always beats a label prefix (0.8–0.9),
 * which beats a word prefix (0.7–0.8), which beats any near miss (below 0.7). Within a kind, labels
 * close to the text in length, and texts that end on a word boundary, come first.
 */
final class LabelIndex<T> {
  private static final double EXACT = 1.0;
  private static final double LABEL_PREFIX = 0.8;
  private static final double WORD_PREFIX = 0.7;
  private static final double NEAR_MISS = 0.7;

  /** Below this a spelling is too far from a label to offer it. */
  private static final double NEAR_MISS_SIMILARITY = 0.5;

  /** Share of the text's trigrams a label needs before it is worth an edit distance. */
  private static final double CANDIDATE_SHARE = 0.4;

  /** A found item with the label it was found by. */
  record Hit<T>(T item, String label, double score) {}

  private final Comparator<T> order;
  private final List<T> items = new ArrayList<>();
  private final Map<T, Integer> itemPositions = new IdentityHashMap<>();
  private final List<String> labels = new ArrayList<>();
  private final List<String> normalised = new ArrayList<>();
  private final IntList entryItems = new IntList();
  private final IntList entryGrams = new IntList();
  private final Map<String, T> exact = new HashMap<>();
  private final Map<Long, IntList> byTrigram = new HashMap<>();

  /**
   * @param order how items with equal scores are listed, e.g. by preferred label, then by id
   */
  LabelIndex(Comparator<T> order) {
    this.order = order;
  }

  /**
   * Adds a label; the first item to claim a normalised label keeps it for exact look-up, so add
   * preferred labels first.
   */
  void add(String label, T item) {
    String key = Labels.normalise(label);
    if (key.isEmpty()) {
      return;
    }
    exact.putIfAbsent(key, item);
    int entry = labels.size();
    labels.add(label);
    normalised.add(key);
    entryItems.add(
        itemPositions.computeIfAbsent(
            item,
            i -> {
              items.add(i);
              return items.size() - 1;
            }));
    long[] grams = Labels.trigrams(key);
    entryGrams.add(grams.length);
    for (long gram : grams) {
      byTrigram.computeIfAbsent(gram, g -> new IntList()).add(entry);
    }
  }

  Optional<T> exact(String text) {
    return text == null ? Optional.empty() : Optional.ofNullable(exact.get(Labels.normalise(text)));
  }

  /** Best hit per item, best first; near misses only when prefixes leave room under the limit. */
  List<Hit<T>> search(String text, int limit) {
    String query = text == null ? "" : Labels.normalise(text);
    if (query.isEmpty() || limit <= 0) {
      return List.of();
    }
    double[] scores = new double[items.size()];
    int[] entries = new int[items.size()];
    int found = 0;
    String wordStart = " " + query;
    for (int entry = 0; entry < normalised.size(); entry++) {
      String label = normalised.get(entry);
      double score;
      if (label.equals(query)) {
        score = EXACT;
      } else if (label.startsWith(query)) {
        score = closeness(LABEL_PREFIX, query, label, 0);
      } else {
        int at = label.indexOf(wordStart);
        if (at < 0) {
          continue;
        }
        score = closeness(WORD_PREFIX, query, label, at + 1);
      }
      found += offer(scores, entries, entry, score);
    }
    if (found < limit) {
      nearMisses(query, scores, entries);
    }
    List<Hit<T>> hits = new ArrayList<>();
    for (int item = 0; item < scores.length; item++) {
      if (scores[item] > 0) {
        hits.add(new Hit<>(items.get(item), labels.get(entries[item]), scores[item]));
      }
    }
    hits.sort(
        Comparator.comparingDouble((Hit<T> h) -> h.score())
            .reversed()
            .thenComparing(Hit::item, order));
    return List.copyOf(hits.subList(0, Math.min(limit, hits.size())));
  }

  /**
   * Candidates share trigrams with the text; each is then scored by the best of trigram (Dice)
   * similarity, which forgives reordered words, and edit distance to the whole label or to its
   * start, which forgives a typo in a half-typed label.
   */
  private void nearMisses(String query, double[] scores, int[] entries) {
    long[] grams = Labels.trigrams(query);
    int[] shared = new int[normalised.size()];
    IntList touched = new IntList();
    for (long gram : grams) {
      IntList posting = byTrigram.get(gram);
      if (posting == null) {
        continue;
      }
      for (int i = 0; i < posting.size; i++) {
        int entry = posting.values[i];
        if (shared[entry]++ == 0) {
          touched.add(entry);
        }
      }
    }
    int[] candidates = Arrays.copyOf(touched.values, touched.size);
    Arrays.sort(candidates);
    for (int entry : candidates) {
      if (scores[entryItems.values[entry]] >= WORD_PREFIX
          || shared[entry] < CANDIDATE_SHARE * grams.length) {
        continue;
      }
      String label = normalised.get(entry);
      double dice = 2.0 * shared[entry] / (grams.length + entryGrams.values[entry]);
      int[] distances = Labels.editDistances(query, label);
      double whole =
          1.0 - (double) distances[label.length()] / Math.max(query.length(), label.length());
      double start = 0;
      if (query.length() >= 4 && label.length() > query.length()) {
        int best = Integer.MAX_VALUE;
        for (int j = 1; j < label.length(); j++) {
          best = Math.min(best, distances[j]);
        }
        start = 0.9 * (1.0 - (double) best / query.length());
      }
      double similarity = Math.max(dice, Math.max(whole, start));
      if (similarity >= NEAR_MISS_SIMILARITY) {
        offer(scores, entries, entry, NEAR_MISS * Math.min(similarity, 0.999));
      }
    }
  }

  /** Returns 1 when the entry's item is found for the first time. */
  private int offer(double[] scores, int[] entries, int entry, double score) {
    int item = entryItems.values[entry];
    boolean first = scores[item] == 0;
    if (score > scores[item]) {
      scores[item] = score;
      entries[item] = entry;
    }
    return first ? 1 : 0;
  }

  private static double closeness(double base, String query, String label, int at) {
    int end = at + query.length();
    boolean wholeWord = end == label.length() || label.charAt(end) == ' ';
    return base + 0.05 * query.length() / label.length() + (wholeWord ? 0.0499 : 0);
  }

  /** A growable int array, to keep postings off boxed integers. */
  private static final class IntList {
    int[] values = new int[4];
    int size;

    void add(int value) {
      if (size == values.length) {
        values = Arrays.copyOf(values, size * 2);
      }
      values[size++] = value;
    }
  }
}
