package org.skillway.ingest.vacancy;

import java.util.List;
import java.util.Locale;
import java.util.regex.Pattern;

/**
 * The six sectors the region's skills plan names, which a vacancy's free-text {@code sector} is
 * counted under: the web app's sector choices use the same slugs. A sector an employer wrote is
 * read by its words ("Aerospace engineering" is advanced manufacturing, "NHS community nursing" is
 * health); one that names none of them is {@link #OTHER}, and a vacancy without one is {@link
 * #UNSTATED}. So a count by sector has at most eight values whatever employers type.
 */
public enum RegionalSector {
  ADVANCED_MANUFACTURING(
      "advanced-manufacturing",
      "manufactur*",
      "engineering",
      "aerospace",
      "automotive",
      "chemical*",
      "pharmaceutical*",
      "materials",
      "electronics",
      "defence",
      "maritime",
      "textile*",
      "production",
      "welding",
      "machining"),
  HEALTH(
      "health",
      "health*",
      "care",
      "nhs",
      "nurs*",
      "medical",
      "medicine",
      "clinical",
      "dental",
      "pharmacy",
      "hospital*",
      "social care",
      "life sciences"),
  DIGITAL(
      "digital",
      "digital",
      "software",
      "tech",
      "technology",
      "it",
      "ict",
      "computing",
      "data",
      "cyber*",
      "creative",
      "media",
      "games",
      "gaming",
      "design",
      "telecom*"),
  CLEAN_GROWTH(
      "clean-growth",
      "clean",
      "green",
      "energy",
      "renewable*",
      "low carbon",
      "net zero",
      "environment*",
      "nuclear",
      "hydrogen",
      "wind",
      "solar",
      "recycling",
      "waste",
      "retrofit"),
  BUSINESS_FINANCIAL(
      "business-financial",
      "financ*",
      "fintech",
      "bank*",
      "insurance",
      "accountancy",
      "accounting",
      "legal",
      "law",
      "business",
      "professional services",
      "consult*",
      "investment"),
  VISITOR_ECONOMY(
      "visitor-economy",
      "visitor",
      "hospitality",
      "tourism",
      "culture",
      "cultural",
      "leisure",
      "hotel*",
      "catering",
      "restaurant*",
      "events",
      "heritage",
      "arts",
      "sport"),
  /** A sector that names none of the six. */
  OTHER("other"),
  /** The vacancy does not say. */
  UNSTATED("unstated");

  private static final Pattern NOT_A_LETTER = Pattern.compile("[^a-z0-9]+");

  private final String slug;
  private final List<String> words;

  RegionalSector(String slug, String... words) {
    this.slug = slug;
    this.words = List.of(words);
  }

  /** How the web app and the metrics name the sector, such as {@code clean-growth}. */
  public String slug() {
    return slug;
  }

  /**
   * The sector a vacancy's free text names: its slug, or the sector most of its words belong to
   * (the first of the six on a tie).
   */
  public static RegionalSector of(String text) {
    if (text == null || text.isBlank()) {
      return UNSTATED;
    }
    String lower = text.strip().toLowerCase(Locale.ROOT);
    for (RegionalSector sector : values()) {
      if (sector.slug.equals(lower)) {
        return sector;
      }
    }
    String spaced = " " + NOT_A_LETTER.matcher(lower).replaceAll(" ").strip() + " ";
    RegionalSector best = OTHER;
    int bestHits = 0;
    for (RegionalSector sector : values()) {
      int hits = 0;
      for (String word : sector.words) {
        if (word.endsWith("*")
            ? spaced.contains(" " + word.substring(0, word.length() - 1))
            : spaced.contains(" " + word + " ")) {
          hits++;
        }
      }
      if (hits > bestHits) {
        best = sector;
        bestHits = hits;
      }
    }
    return best;
  }
}
