package org.skillway.taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.BitSet;
import java.util.Comparator;
import java.util.HashMap;
import java.util.IdentityHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Finds items by any of their labels: exactly (after {@link Labels#normalise}), by prefix, by the
 * prefix of a word in the label, or as a near miss by trigram similarity. Built once, then {@link
 * #compact()}ed; read-only and thread-safe after.
 *
 * <p>The whole ESCO pillar has about 130,000 labels, so the index keeps them in parallel lists and
 * its trigram postings as plain {@code int} arrays rather than lists of boxed numbers.
 */
final class LabelIndex<T> {
  static final double NEAR_MISS_THRESHOLD = 0.3;

  /**
   * A hit scoring under this share of the best one is left out: among 130,000 labels some unrelated
   * ones always share a few trigrams with a misspelling ("Pythn" and "pylons").
   */
  static final double SHARE_OF_BEST = 0.6;

  /**
   * A found item with the label it was found by.
   *
   * @param preferred whether that label is the item's preferred label, which wins a tie
   */
  record Hit<T>(T item, String label, double score, boolean preferred) {}

  private final List<String> normalised = new ArrayList<>();
  private final List<String> labels = new ArrayList<>();
  private final List<T> items = new ArrayList<>();
  private short[] gramCounts = new short[1024];
  private final BitSet preferred = new BitSet();
  private final Map<String, T> exact = new HashMap<>();

  /**
   * Labels ESCO spells the American way, by their British spelling (about a thousand). Made on
   * first use rather than while loading: it needs every label respelt, and few texts need it.
   */
  private volatile Map<String, T> britishSpelt;

  private final TrigramTable byTrigram = new TrigramTable();
  private final Function<T, String> sortKey;

  LabelIndex(Function<T, String> sortKey) {
    this.sortKey = sortKey;
  }

  /** Adds an item's preferred label; add these before any other label. */
  void addPreferred(String label, T item) {
    if (add(label, item)) {
      preferred.set(items.size() - 1);
    }
  }

  /**
   * Adds a label; the first item to claim a normalised label keeps it for {@link #exact}, so add
   * preferred labels first.
   *
   * @return false when the label was not added: empty once normalised, or already the item's
   */
  boolean add(String label, T item) {
    String norm = Labels.normalise(label);
    if (norm.isEmpty()) {
      return false;
    }
    T owner = exact.putIfAbsent(norm, item);
    if (owner == item) {
      // The same item under the same words again (ESCO often repeats the preferred label among the
      // alternatives): nothing new to find it by.
      return false;
    }
    int position = items.size();
    normalised.add(norm);
    labels.add(label);
    items.add(item);
    long[] grams = Labels.trigrams(norm);
    if (position == gramCounts.length) {
      gramCounts = Arrays.copyOf(gramCounts, position * 2);
    }
    gramCounts[position] = (short) grams.length;
    for (long gram : grams) {
      byTrigram.postings(gram, true).add(position);
    }
    return true;
  }

  /** Trims the spare room left while adding; call once, after the last {@link #add}. */
  void compact() {
    byTrigram.trim();
    gramCounts = Arrays.copyOf(gramCounts, items.size());
    ((ArrayList<?>) normalised).trimToSize();
    ((ArrayList<?>) labels).trimToSize();
    ((ArrayList<?>) items).trimToSize();
  }

  /**
   * The item a label names, ignoring case, punctuation and spacing. A label as ESCO spells it wins;
   * failing that, the text is read in British spelling ("analyze" as "analyse"), first against
   * ESCO's labels, then against the few ESCO spells the American way.
   */
  Optional<T> exact(String text) {
    String norm = Labels.normalise(text);
    T found = exact.get(norm);
    if (found == null) {
      String british = Labels.british(norm);
      found = british == norm ? null : exact.get(british);
      if (found == null) {
        found = britishSpelt().get(british);
      }
    }
    return Optional.ofNullable(found);
  }

  private Map<String, T> britishSpelt() {
    Map<String, T> built = britishSpelt;
    if (built == null) {
      synchronized (this) {
        built = britishSpelt;
        if (built == null) {
          built = new HashMap<>();
          // In the order labels were added, so the first to claim a spelling keeps it, as in exact.
          for (int i = 0; i < items.size(); i++) {
            String norm = normalised.get(i);
            String british = Labels.british(norm);
            if (british != norm) {
              built.putIfAbsent(british, items.get(i));
            }
          }
          britishSpelt = built;
        }
      }
    }
    return built;
  }

  /**
   * Best first: an exact label scores 1; a label starting with the text 0.8-0.9 and one with a word
   * starting with it 0.7-0.8, higher the more of the label the text covers (so "nursing" ranks
   * "nursing science" above "nursing care for hospitalised animals"); near misses up to 0.7. Hits
   * under {@link #SHARE_OF_BEST} of the best are dropped.
   */
  List<Hit<T>> search(String text, int limit) {
    String query = Labels.normalise(text);
    if (query.isEmpty() || limit <= 0) {
      return List.of();
    }
    // By identity: items are records whose hashCode walks every label; the final sort is total.
    Map<T, Hit<T>> best = new IdentityHashMap<>();
    String wordStart = " " + query;
    for (int i = 0; i < items.size(); i++) {
      String label = normalised.get(i);
      double score;
      if (label.equals(query)) {
        score = 1.0;
      } else if (label.startsWith(query)) {
        score = 0.8 + 0.1 * query.length() / label.length();
      } else if (label.contains(wordStart)) {
        score = 0.7 + 0.1 * query.length() / label.length();
      } else {
        continue;
      }
      offer(best, new Hit<>(items.get(i), labels.get(i), score, preferred.get(i)));
    }
    if (best.size() < limit) {
      nearMisses(query).forEach(hit -> offer(best, hit));
    }
    double top = best.values().stream().mapToDouble(Hit::score).max().orElse(0);
    return best.values().stream()
        .filter(hit -> hit.score() >= SHARE_OF_BEST * top)
        .sorted(
            Comparator.comparingDouble((Hit<T> h) -> h.score())
                .reversed()
                .thenComparing(h -> !h.preferred())
                .thenComparing(h -> sortKey.apply(h.item())))
        .limit(limit)
        .toList();
  }

  /** Dice similarity of trigram sets, scaled below any prefix hit. */
  private List<Hit<T>> nearMisses(String query) {
    long[] grams = Labels.trigrams(query);
    int[] shared = new int[items.size()];
    int[] touched = new int[64];
    int touchedCount = 0;
    for (long gram : grams) {
      Postings postings = byTrigram.postings(gram, false);
      for (int p = 0; postings != null && p < postings.size; p++) {
        int position = postings.positions[p];
        if (shared[position]++ == 0) {
          if (touchedCount == touched.length) {
            touched = Arrays.copyOf(touched, touchedCount * 2);
          }
          touched[touchedCount++] = position;
        }
      }
    }
    List<Hit<T>> hits = new ArrayList<>();
    for (int t = 0; t < touchedCount; t++) {
      int position = touched[t];
      double dice = 2.0 * shared[position] / (grams.length + gramCounts[position]);
      if (dice >= NEAR_MISS_THRESHOLD) {
        hits.add(
            new Hit<>(
                items.get(position), labels.get(position), 0.7 * dice, preferred.get(position)));
      }
    }
    return hits;
  }

  /**
   * Trigram to postings, open addressing over plain arrays: loading adds about four million
   * postings, and a {@code HashMap<Long, ...>} would box every look-up.
   */
  private static final class TrigramTable {
    private long[] keys = new long[1 << 15];
    private Postings[] values = new Postings[1 << 15];
    private int size;

    /** The postings of a trigram (never 0: labels are padded with spaces). */
    Postings postings(long gram, boolean create) {
      int mask = keys.length - 1;
      int slot = Long.hashCode(gram) & mask;
      while (values[slot] != null) {
        if (keys[slot] == gram) {
          return values[slot];
        }
        slot = (slot + 1) & mask;
      }
      if (!create) {
        return null;
      }
      Postings created = new Postings();
      keys[slot] = gram;
      values[slot] = created;
      if (++size * 2 > keys.length) {
        grow();
      }
      return created;
    }

    void trim() {
      for (Postings postings : values) {
        if (postings != null) {
          postings.trim();
        }
      }
    }

    private void grow() {
      long[] oldKeys = keys;
      Postings[] oldValues = values;
      keys = new long[oldKeys.length * 2];
      values = new Postings[oldKeys.length * 2];
      int mask = keys.length - 1;
      for (int i = 0; i < oldKeys.length; i++) {
        if (oldValues[i] != null) {
          int slot = Long.hashCode(oldKeys[i]) & mask;
          while (values[slot] != null) {
            slot = (slot + 1) & mask;
          }
          keys[slot] = oldKeys[i];
          values[slot] = oldValues[i];
        }
      }
    }
  }

  /** The positions of the labels holding one trigram, in the order they were added. */
  private static final class Postings {
    int[] positions = new int[4];
    int size;

    void add(int position) {
      if (size == positions.length) {
        positions = Arrays.copyOf(positions, size * 2);
      }
      positions[size++] = position;
    }

    void trim() {
      positions = Arrays.copyOf(positions, size);
    }
  }

  private static <T> void offer(Map<T, Hit<T>> best, Hit<T> hit) {
    best.merge(
        hit.item(),
        hit,
        (a, b) -> b.score() > a.score() || (b.score() == a.score() && b.preferred()) ? b : a);
  }
}
