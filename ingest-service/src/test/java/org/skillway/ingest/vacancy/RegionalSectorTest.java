package org.skillway.ingest.vacancy;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Operators count open roles by the region's six sectors, whatever words employers use. */
class RegionalSectorTest {
  @ParameterizedTest(name = "\"{0}\" counts as {1}")
  @CsvSource(
      delimiter = '|',
      nullValues = "NULL",
      value = {
        "advanced-manufacturing | ADVANCED_MANUFACTURING",
        "Aerospace engineering | ADVANCED_MANUFACTURING",
        "Automotive manufacturing | ADVANCED_MANUFACTURING",
        "NHS community nursing | HEALTH",
        "Social care | HEALTH",
        "healthcare | HEALTH",
        "digital | DIGITAL",
        "Software and IT | DIGITAL",
        "Digital: cyber security | DIGITAL",
        "Creative media | DIGITAL",
        "clean-growth | CLEAN_GROWTH",
        "Renewable energy | CLEAN_GROWTH",
        "Nuclear | CLEAN_GROWTH",
        "Financial services | BUSINESS_FINANCIAL",
        "Banking and insurance | BUSINESS_FINANCIAL",
        "Accountancy | BUSINESS_FINANCIAL",
        "Hospitality and tourism | VISITOR_ECONOMY",
        "Hotels | VISITOR_ECONOMY",
        "visitor-economy | VISITOR_ECONOMY",
        "Agriculture | OTHER",
        "Careers advice | OTHER",
        "' ' | UNSTATED",
        "NULL | UNSTATED"
      })
  void aVacancysOwnWordsNameItsSector(String text, RegionalSector expected) {
    assertThat(RegionalSector.of(text)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
    "ADVANCED_MANUFACTURING, advanced-manufacturing",
    "BUSINESS_FINANCIAL, business-financial",
    "VISITOR_ECONOMY, visitor-economy"
  })
  void theSlugIsWhatTheWebAppAndTheMetricsCallIt(RegionalSector sector, String slug) {
    assertThat(sector.slug()).isEqualTo(slug);
    assertThat(RegionalSector.of(slug.toUpperCase(java.util.Locale.ROOT))).isEqualTo(sector);
  }
}
