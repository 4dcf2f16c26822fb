package org.skillway.taxonomy;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;

/**
 * Label handling shared by skills and occupations: splitting, normalising and trigram similarity.
 */
final class Labels {
  static final String URI_PREFIX = "http://data.europa.eu/esco/";
  private static final String HTTPS_PREFIX = "https://data.europa.eu/esco/";

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

  /**
   * A {@linkplain #normalise normalised} label in British spelling: "organize", "organization",
   * "analyze" and the words in {@link #BRITISH} as ESCO, which writes British English throughout,
   * spells them. The same instance when nothing changes, which is nearly always.
   */
  static String british(String normalised) {
    StringBuilder out = null;
    int from = 0;
    while (from < normalised.length()) {
      int space = normalised.indexOf(' ', from);
      int end = space < 0 ? normalised.length() : space;
      String british = britishWord(normalised, from, end);
      if (british != null) {
        if (out == null) {
          out = new StringBuilder(normalised.length() + 4).append(normalised, 0, from);
        }
        out.append(british);
      } else if (out != null) {
        out.append(normalised, from, end);
      }
      if (out != null && space >= 0) {
        out.append(' ');
      }
      from = end + 1;
    }
    return out == null ? normalised : out.toString();
  }

  /**
   * American spellings of words ESCO spells the British way, with the British one. ESCO writes
   * British English throughout, and people and job boards write both: "-ize" and "-yze" endings are
   * handled by {@link #british}, these by whole word.
   */
  private static final Map<String, String> BRITISH =
      Map.ofEntries(
          Map.entry("color", "colour"),
          Map.entry("colors", "colours"),
          Map.entry("behavior", "behaviour"),
          Map.entry("behaviors", "behaviours"),
          Map.entry("behavioral", "behavioural"),
          Map.entry("labor", "labour"),
          Map.entry("favor", "favour"),
          Map.entry("flavor", "flavour"),
          Map.entry("flavors", "flavours"),
          Map.entry("neighbor", "neighbour"),
          Map.entry("odor", "odour"),
          Map.entry("vapor", "vapour"),
          Map.entry("harbor", "harbour"),
          Map.entry("tumor", "tumour"),
          Map.entry("center", "centre"),
          Map.entry("centers", "centres"),
          Map.entry("liter", "litre"),
          Map.entry("theater", "theatre"),
          Map.entry("fiber", "fibre"),
          Map.entry("fibers", "fibres"),
          Map.entry("catalog", "catalogue"),
          Map.entry("dialog", "dialogue"),
          Map.entry("analog", "analogue"),
          Map.entry("defense", "defence"),
          Map.entry("offense", "offence"),
          Map.entry("modeling", "modelling"),
          Map.entry("traveling", "travelling"),
          Map.entry("labeling", "labelling"),
          Map.entry("counseling", "counselling"),
          Map.entry("fueling", "fuelling"),
          Map.entry("signaling", "signalling"),
          Map.entry("jewelry", "jewellery"),
          Map.entry("aluminum", "aluminium"),
          Map.entry("pediatric", "paediatric"),
          Map.entry("pediatrics", "paediatrics"),
          Map.entry("orthopedic", "orthopaedic"),
          Map.entry("anesthesia", "anaesthesia"),
          Map.entry("gray", "grey"));

  /** Words ending "-ize" or "-yze" that are not the American spelling of a British "-ise". */
  private static final Set<String> SAME_IN_BOTH = Set.of("size", "sizes", "sized", "sizing");

  /** The British spelling of the word from {@code from} to {@code end}, or null if it is one. */
  private static String britishWord(String text, int from, int end) {
    int length = end - from;
    if (length < 4
        || !(endsNearZ(text, from, end)
            || Arrays.binarySearch(SHAPES, shape(text, from, end)) >= 0)) {
      // Most words: nothing to look up, and no string made.
      return null;
    }
    String word = text.substring(from, end);
    String british = BRITISH.get(word);
    if (british == null && length > 5 && !SAME_IN_BOTH.contains(word)) {
      int z = zEnding(word);
      if (z > 0) {
        british = word.substring(0, z) + 's' + word.substring(z + 1);
      }
    }
    return british;
  }

  /** Whether one of the word's last eight letters is a z. */
  private static boolean endsNearZ(String text, int from, int end) {
    for (int i = end - 1; i >= Math.max(from, end - 8); i--) {
      if (text.charAt(i) == 'z') {
        return true;
      }
    }
    return false;
  }

  /** A word's length, first and last character in one number, to rule most words out cheaply. */
  private static int shape(String text, int from, int end) {
    return (Math.min(end - from, 255) << 16)
        | ((text.charAt(from) & 0xff) << 8)
        | (text.charAt(end - 1) & 0xff);
  }

  /** The {@link #shape} of each word in {@link #BRITISH}, sorted. */
  private static final int[] SHAPES =
      BRITISH.keySet().stream().mapToInt(word -> shape(word, 0, word.length())).sorted().toArray();

  /** Where the z of an "-ize"/"-yze" family ending is, or -1. */
  private static int zEnding(String word) {
    for (String ending : Z_ENDINGS) {
      if (word.endsWith(ending)) {
        int z = word.length() - ending.length() + 1;
        return z >= 4 ? z : -1;
      }
    }
    return -1;
  }

  private static final List<String> Z_ENDINGS =
      List.of(
          "izations",
          "ization",
          "izing",
          "ized",
          "izes",
          "izer",
          "izers",
          "ize",
          "yzing",
          "yzed",
          "yzes",
          "yzer",
          "yzers",
          "yze");

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

  /**
   * A concept id from its id or URI. The URI may be written with {@code https} (as browsers show
   * it) or end in a slash; anything else is returned trimmed, to be looked up as it is.
   */
  static String id(String uriOrId) {
    String trimmed = uriOrId.trim();
    String rest;
    if (trimmed.startsWith(URI_PREFIX)) {
      rest = trimmed.substring(URI_PREFIX.length());
    } else if (trimmed.startsWith(HTTPS_PREFIX)) {
      rest = trimmed.substring(HTTPS_PREFIX.length());
    } else {
      return trimmed;
    }
    return rest.endsWith("/") ? rest.substring(0, rest.length() - 1) : rest;
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
