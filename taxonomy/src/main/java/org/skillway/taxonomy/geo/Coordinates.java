package org.skillway.taxonomy.geo;

/** A point on the Earth in degrees. */
public record Coordinates(double latitude, double longitude) {
  private static final double EARTH_RADIUS_KM = 6371.0088;

  /** Great-circle distance by the haversine formula. */
  public double kilometresTo(Coordinates other) {
    double lat1 = Math.toRadians(latitude);
    double lat2 = Math.toRadians(other.latitude);
    double dLat = lat2 - lat1;
    double dLon = Math.toRadians(other.longitude - longitude);
    double a =
        Math.sin(dLat / 2) * Math.sin(dLat / 2)
            + Math.cos(lat1) * Math.cos(lat2) * Math.sin(dLon / 2) * Math.sin(dLon / 2);
    return 2 * EARTH_RADIUS_KM * Math.asin(Math.min(1, Math.sqrt(a)));
  }
}
