package org.skillway.taxonomy.geo;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.within;

import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

class OutcodesTest {
  private final Outcodes outcodes = Outcodes.loadBundled();

  @Test
  void loadsEveryOutcodeThatHasCoordinates() {
    assertThat(outcodes.size()).isEqualTo(2_972);
  }

  @Test
  void findsOutcodesIgnoringCaseAndSurroundingSpaces() {
    assertThat(outcodes.find("M1")).contains(new Coordinates(53.478484, -2.23557));
    assertThat(outcodes.find(" pr1 ")).contains(new Coordinates(53.754842, -2.708077));
  }

  @Test
  void doesNotFindUnknownOutcodes() {
    assertThat(outcodes.find("ZZ99")).isEmpty();
    assertThat(outcodes.find("")).isEmpty();
    assertThat(outcodes.find(null)).isEmpty();
  }

  @Test
  void manchesterToPrestonIsAbout44KilometresAsTheCrowFlies() {
    // Given the centres of Manchester (M1) and Preston (PR1)
    Coordinates manchester = outcodes.find("M1").orElseThrow();
    Coordinates preston = outcodes.find("PR1").orElseThrow();

    // When measured both ways
    double there = manchester.kilometresTo(preston);
    double back = preston.kilometresTo(manchester);

    // Then it is about 44 km (about 50 km by road), the same both ways
    assertThat(there).isBetween(43.0, 45.0);
    assertThat(back).isCloseTo(there, within(1e-9));
    assertThat(manchester.kilometresTo(manchester)).isZero();
  }

  @Test
  void decidesTheNorthWestByTheWholeLetterPrefix() {
    // Given outcodes whose areas start like the North West's L, M and C areas
    List<String> codes =
        List.of("l1", "L36", "LA1", "M1", "CA28", "LS1", "LL11", "LE1", "LN1", "LU1", "B1", "MK1");

    // When each is checked
    Map<String, Boolean> northWest =
        codes.stream().collect(Collectors.toMap(Function.identity(), Outcodes::isNorthWest));

    // Then only the exact North West areas count
    assertThat(northWest)
        .isEqualTo(
            Map.ofEntries(
                Map.entry("l1", true),
                Map.entry("L36", true),
                Map.entry("LA1", true),
                Map.entry("M1", true),
                Map.entry("CA28", true),
                Map.entry("LS1", false),
                Map.entry("LL11", false),
                Map.entry("LE1", false),
                Map.entry("LN1", false),
                Map.entry("LU1", false),
                Map.entry("B1", false),
                Map.entry("MK1", false)));
    assertThat(Outcodes.isNorthWest(null)).isFalse();
  }

  @Test
  void listsTheNorthWestOutcodesInOrder() {
    assertThat(outcodes.northWest())
        .hasSizeBetween(250, 350)
        .isSorted()
        .contains("M1", "PR1", "CA1", "L1", "LA1")
        .doesNotContain("LS1", "LL11")
        .allMatch(Outcodes::isNorthWest);
  }
}
