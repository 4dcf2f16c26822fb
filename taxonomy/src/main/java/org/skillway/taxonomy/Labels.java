package org.skillway.taxonomy;

import java.text.Normalizer;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;

/** Label handling shared by skills and occupations: splitting, normalising and similarity. */
final class Labels {
  static final String URI_PREFIX = "http://data.europa.eu/esco/";

  private Labels() {}

  /**
   * Lower case, accents, punctuation and repeated whitespace removed. {@code +} and {@code #} are
   * kept because they make different skills: C++ and C#.
   */
  static String normalise(String text) {
    String plain = stripAccents(text);
    StringBuilder out = new StringBuilder(plain.length());
    boolean space = false;
    for (int i = 0; i < plain.length(); i++) {
      char c = Character.toLowerCase(plain.charAt(i));
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

  /** ESCO separates alternative labels by " | " in the collections and by newlines elsewhere. */
  static List<String> split(String labels) {
    List<String> out = new ArrayList<>();
    if (labels == null || labels.isBlank()) {
      return out;
    }
    for (String label : labels.split("\\R|\\s\\|\\s")) {
      String trimmed = label.trim();
      if (!trimmed.isEmpty() && !out.contains(trimmed)) {
        out.add(trimmed);
      }
    }
    return out;
  }

  /** The short id for an ESCO URI; anything else is returned trimmed, as the same instance. */
  static String id(String uriOrId) {
    String trimmed = uriOrId.trim();
    return trimmed.startsWith(URI_PREFIX) ? trimmed.substring(URI_PREFIX.length()) : trimmed;
  }

  /**
   * The label's distinct trigrams, with two spaces in front and one behind so that the start of a
   * label weighs more than its end. Each is packed into a long and multiplied by an odd constant:
   * still one number per trigram, but with the bits spread, since {@link Long#hashCode} of the
   * packed characters alone puts most trigrams in a few hash buckets.
   */
  static long[] trigrams(String normalised) {
    String padded = "  " + normalised + " ";
    long[] grams = new long[padded.length() - 2];
    int count = 0;
    for (int i = 0; i < grams.length; i++) {
      long gram =
          (((long) padded.charAt(i) << 32)
                  | ((long) padded.charAt(i + 1) << 16)
                  | padded.charAt(i + 2))
              * 0x9E3779B97F4A7C15L;
      if (!contains(grams, count, gram)) {
        grams[count++] = gram;
      }
    }
    return count == grams.length ? grams : Arrays.copyOf(grams, count);
  }

  /**
   * Optimal-string-alignment distances (Levenshtein plus swapping two neighbours, so "pyhton" is
   * one edit from "python") from {@code a} to every prefix of {@code b}: element {@code j} is the
   * distance to the first {@code j} characters.
   */
  static int[] editDistances(String a, String b) {
    int[] before = new int[b.length() + 1];
    int[] previous = new int[b.length() + 1];
    int[] current = new int[b.length() + 1];
    for (int j = 0; j <= b.length(); j++) {
      previous[j] = j;
    }
    for (int i = 1; i <= a.length(); i++) {
      current[0] = i;
      for (int j = 1; j <= b.length(); j++) {
        int cost = a.charAt(i - 1) == b.charAt(j - 1) ? 0 : 1;
        int best = Math.min(Math.min(current[j - 1] + 1, previous[j] + 1), previous[j - 1] + cost);
        if (i > 1
            && j > 1
            && a.charAt(i - 1) == b.charAt(j - 2)
            && a.charAt(i - 2) == b.charAt(j - 1)) {
          best = Math.min(best, before[j - 2] + 1);
        }
        current[j] = best;
      }
      int[] spare = before;
      before = previous;
      previous = current;
      current = spare;
    }
    return previous;
  }

  private static boolean contains(long[] grams, int count, long gram) {
    for (int i = 0; i < count; i++) {
      if (grams[i] == gram) {
        return true;
      }
    }
    return false;
  }

  private static String stripAccents(String text) {
    for (int i = 0; i < text.length(); i++) {
      if (text.charAt(i) > 0x7f) {
        return Normalizer.normalize(text, Normalizer.Form.NFD).replaceAll("\\p{Mn}+", "");
      }
    }
    return text;
  }
}
