package org.skillway.taxonomy.geo;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class OutcodesTest {
  private final Outcodes outcodes = Outcodes.loadBundled();

  @Test
  void findsOutcodesWhateverTheirCaseAndSpacing() {
    assertThat(outcodes.find("M1")).isPresent();
    assertThat(outcodes.find(" pr1 ")).isEqualTo(outcodes.find("PR1"));
    assertThat(outcodes.find("ZZ99")).isEmpty();
    assertThat(outcodes.size()).isGreaterThan(2_900);
  }

  @Test
  void manchesterToPrestonIsAboutFortyFiveKilometres() {
    double km = outcodes.find("M1").orElseThrow().kilometresTo(outcodes.find("PR1").orElseThrow());

    assertThat(km).isBetween(40.0, 50.0);
  }

  @Test
  void theNorthWestIsDecidedByTheWholeAreaCode() {
    assertThat(Outcodes.isNorthWest("l1")).isTrue();
    assertThat(Outcodes.isNorthWest("LA1")).isTrue();
    assertThat(Outcodes.isNorthWest("CA28")).isTrue();
    assertThat(Outcodes.isNorthWest("LS1")).isFalse();
    assertThat(Outcodes.isNorthWest("LL11")).isFalse();
    assertThat(Outcodes.isNorthWest("B1")).isFalse();
  }

  @Test
  void listsAboutThreeHundredNorthWestOutcodes() {
    assertThat(outcodes.northWest())
        .hasSizeBetween(250, 350)
        .contains("M1", "PR1", "CA1", "L1")
        .doesNotContain("LS1");
  }
}
