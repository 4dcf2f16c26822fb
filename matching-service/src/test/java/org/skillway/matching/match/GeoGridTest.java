package org.skillway.matching.match;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Random;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.skillway.taxonomy.geo.Coordinates;

class GeoGridTest {
  /**
   * A query walks only the cells within reach, so a cell holding a place within reach must never be
   * left out, or a role a person could travel to would be missed.
   */
  @Test
  void everyPlaceWithinReachLiesInACellTheQueryWalks() {
    Random random = new Random(42);
    for (int trial = 0; trial < 2_000; trial++) {
      Coordinates centre =
          new Coordinates(53 + random.nextDouble() * 2.5, -3.6 + random.nextDouble() * 2);
      double km = random.nextDouble() * 80;
      Set<Integer> walked = new HashSet<>();
      GeoGrid.cellsWithin(centre, km, walked::add);
      for (int i = 0; i < 50; i++) {
        Coordinates place =
            new Coordinates(
                centre.latitude() + (random.nextDouble() - 0.5) * 2,
                centre.longitude() + (random.nextDouble() - 0.5) * 3);
        if (centre.kilometresTo(place) <= km) {
          assertThat(walked)
              .as("%s within %.1f km of %s", place, km, centre)
              .contains(GeoGrid.cellOf(place));
        }
      }
    }
  }

  @Test
  void farCellsAreNotWalked() {
    Coordinates manchester = new Coordinates(53.48, -2.24);
    Coordinates carlisle = new Coordinates(54.89, -2.93);
    Set<Integer> walked = new HashSet<>();

    GeoGrid.cellsWithin(manchester, 30, walked::add);

    assertThat(walked)
        .contains(GeoGrid.cellOf(manchester))
        .doesNotContain(GeoGrid.cellOf(carlisle));
    assertThat(GeoGrid.cellOf(null)).isEqualTo(GeoGrid.EVERYWHERE);
  }
}
