package org.skillway.support;

import java.util.ArrayList;
import java.util.Collection;
import java.util.List;

/**
 * Splits a long list into short ones, for {@code $in} queries and updates: a server compares each
 * document it finds with every value of the list, so a batch of 1,000 ids asked for at once costs a
 * million comparisons where ten lists of 100 cost a tenth of that.
 */
public final class Batches {
  /** The usual length of an {@code $in} list. */
  public static final int IN_LIST = 100;

  private Batches() {}

  public static <T> List<List<T>> of(Collection<T> values, int size) {
    if (size < 1) {
      throw new IllegalArgumentException("size must be at least 1");
    }
    List<T> all = List.copyOf(values);
    List<List<T>> batches = new ArrayList<>((all.size() + size - 1) / size);
    for (int from = 0; from < all.size(); from += size) {
      batches.add(all.subList(from, Math.min(all.size(), from + size)));
    }
    return batches;
  }
}
