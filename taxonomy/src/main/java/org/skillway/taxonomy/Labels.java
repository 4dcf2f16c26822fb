package org.skillway.taxonomy;

import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Set;

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
    for (String label : labels.split("\\n|\\s\\|\\s")) {
      String trimmed = label.trim();
      if (!trimmed.isEmpty()) {
        out.add(trimmed);
      }
    }
    return out;
  }

  static String id(String uriOrId) {
    String trimmed = uriOrId.trim();
    return trimmed.startsWith(URI_PREFIX) ? trimmed.substring(URI_PREFIX.length()) : trimmed;
  }

  static Set<String> trigrams(String normalised) {
    String padded = "  " + normalised + " ";
    Set<String> grams = new HashSet<>();
    for (int i = 0; i + 3 <= padded.length(); i++) {
      grams.add(padded.substring(i, i + 3));
    }
    return grams;
  }

  static String lower(String text) {
    return text.toLowerCase(Locale.ROOT);
  }
}
