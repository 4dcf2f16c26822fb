package org.skillway.taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;

/**
 * Label handling shared by skills and occupations: splitting, normalising and trigram similarity.
 */
final class Labels {
  static final String URI_PREFIX = "http://data.europa.eu/esco/";

  private Labels() {}

  /**
   * Lower case, punctuation and repeated whitespace removed. {@code +} and {@code #} are kept
   * because they make different skills: C, C++ and C#.
   */
  static String normalise(String text) {
    StringBuilder out = new StringBuilder(text.length());
    boolean space = false;
    for (int i = 0; i < text.length(); i++) {
      char c = Character.toLowerCase(text.charAt(i));
      if (Character.isLetterOrDigit(c) || c == '+' || c == '#') {
        if (space && !out.isEmpty()) {
          out.append(' ');
        }
        out.append(c);
        space = false;
      } else {
        space = true;
      }
    }
    return out.toString();
  }

  /** ESCO lists alternative labels one per line in some files and separated by " | " in others. */
  static List<String> split(String labels) {
    List<String> out = new ArrayList<>();
    if (labels == null || labels.isBlank()) {
      return out;
    }
    int from = 0;
    while (from <= labels.length()) {
      int line = labels.indexOf('\n', from);
      int bar = labels.indexOf(" | ", from);
      int end = line < 0 ? bar : bar < 0 ? line : Math.min(line, bar);
      if (end < 0) {
        end = labels.length();
      }
      addTrimmed(out, labels.substring(from, end));
      from = end + (end == bar ? 3 : 1);
    }
    return out;
  }

  /** Labels joined by one separator character, as the derived files write them. */
  static List<String> splitOn(String labels, char separator) {
    List<String> out = new ArrayList<>();
    int from = 0;
    while (from <= labels.length()) {
      int end = labels.indexOf(separator, from);
      if (end < 0) {
        end = labels.length();
      }
      addTrimmed(out, labels.substring(from, end));
      from = end + 1;
    }
    return out;
  }

  private static void addTrimmed(List<String> out, String label) {
    String trimmed = label.trim();
    if (!trimmed.isEmpty()) {
      out.add(trimmed);
    }
  }

  static String id(String uriOrId) {
    String trimmed = uriOrId.trim();
    return trimmed.startsWith(URI_PREFIX) ? trimmed.substring(URI_PREFIX.length()) : trimmed;
  }

  /**
   * The distinct trigrams of a normalised label padded with two spaces before and one after, each
   * packed into a {@code long} (three 16-bit characters) and scrambled by an odd multiplier (a
   * one-to-one mapping) so that {@link Long#hashCode} spreads them over a hash table, sorted.
   * Numbers rather than strings, because the index computes millions of them while loading.
   */
  static long[] trigrams(String normalised) {
    String padded = "  " + normalised + " ";
    int count = padded.length() - 2;
    long[] grams = new long[count];
    for (int i = 0; i < count; i++) {
      long packed =
          ((long) padded.charAt(i) << 32)
              | ((long) padded.charAt(i + 1) << 16)
              | padded.charAt(i + 2);
      grams[i] = packed * 0x9E3779B97F4A7C15L;
    }
    Arrays.sort(grams);
    int distinct = 0;
    for (int i = 0; i < count; i++) {
      if (i == 0 || grams[i] != grams[i - 1]) {
        grams[distinct++] = grams[i];
      }
    }
    return distinct == count ? grams : Arrays.copyOf(grams, distinct);
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
