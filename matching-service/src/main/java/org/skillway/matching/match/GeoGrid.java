package org.skillway.matching.match;

import java.util.function.IntConsumer;
import org.skillway.taxonomy.geo.Coordinates;

/**
 * A grid over the map, cells of a tenth of a degree of latitude by 0.15 degree of longitude (about
 * 11 by 10 km in the North West). The index keeps its posting lists per cell, so a query walks only
 * the cells within reach.
 */
final class GeoGrid {
  /** The cell of anything not tied to a place: remote roles, and places the grid cannot locate. */
  static final int EVERYWHERE = -1;

  static final double CELL_LATITUDE = 0.1;
  static final double CELL_LONGITUDE = 0.15;
  private static final int COLUMNS = (int) Math.ceil(360 / CELL_LONGITUDE);

  /** Slack for measuring to a cell's nearest corner on a sphere as if the cell were flat. */
  private static final double SLACK_KM = 2;

  private static final double KM_PER_DEGREE_LATITUDE = 111.0;

  private GeoGrid() {}

  static int cellOf(Coordinates place) {
    if (place == null) {
      return EVERYWHERE;
    }
    return row(place.latitude()) * COLUMNS + column(place.longitude());
  }

  /**
   * Calls {@code action} with every cell that may hold a place within {@code km} of {@code centre}:
   * the cells of the bounding box whose nearest point is near enough.
   */
  static void cellsWithin(Coordinates centre, double km, IntConsumer action) {
    double latitudeSpan = km / KM_PER_DEGREE_LATITUDE + CELL_LATITUDE;
    double nearestPole = Math.min(89, Math.abs(centre.latitude()) + latitudeSpan);
    double longitudeSpan =
        km / (KM_PER_DEGREE_LATITUDE * Math.cos(Math.toRadians(nearestPole))) + CELL_LONGITUDE;
    int fromRow = row(centre.latitude() - latitudeSpan);
    int toRow = row(centre.latitude() + latitudeSpan);
    int fromColumn = column(centre.longitude() - longitudeSpan);
    int toColumn = column(centre.longitude() + longitudeSpan);
    for (int row = fromRow; row <= toRow; row++) {
      double south = row * CELL_LATITUDE - 90;
      double latitude = Math.max(south, Math.min(south + CELL_LATITUDE, centre.latitude()));
      for (int column = fromColumn; column <= toColumn; column++) {
        double west = column * CELL_LONGITUDE - 180;
        double longitude = Math.max(west, Math.min(west + CELL_LONGITUDE, centre.longitude()));
        if (centre.kilometresTo(new Coordinates(latitude, longitude)) <= km + SLACK_KM) {
          action.accept(row * COLUMNS + column);
        }
      }
    }
  }

  private static int row(double latitude) {
    return (int) Math.floor((Math.max(-90, Math.min(89.999, latitude)) + 90) / CELL_LATITUDE);
  }

  private static int column(double longitude) {
    double wrapped = ((longitude + 180) % 360 + 360) % 360;
    return (int) Math.floor(wrapped / CELL_LONGITUDE);
  }
}
