package org.skillway.matching.match;

import java.util.Arrays;

/**
 * A growable list of ints: posting lists of ordinals without boxing. Order is not kept on removal.
 */
final class IntList {
  private int[] values = new int[4];
  private int size;

  void add(int value) {
    if (size == values.length) {
      values = Arrays.copyOf(values, size * 2);
    }
    values[size++] = value;
  }

  /** Removes one occurrence by moving the last value into its place. */
  boolean remove(int value) {
    for (int i = 0; i < size; i++) {
      if (values[i] == value) {
        values[i] = values[--size];
        return true;
      }
    }
    return false;
  }

  /** The backing array, valid up to {@link #size()}, for tight loops; do not keep it. */
  int[] values() {
    return values;
  }

  int get(int index) {
    return values[index];
  }

  int size() {
    return size;
  }

  void clear() {
    size = 0;
  }
}
