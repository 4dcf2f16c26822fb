package org.skillway.taxonomy.geo;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * UK postcode outcodes (e.g. {@code M1}, {@code PR1}, {@code LA14}) with coordinates, from Ordnance
 * Survey and ONS open data (Open Government Licence). Read-only and thread-safe once loaded.
 */
public final class Outcodes {
  /** Postcode areas of North West England. */
  public static final Set<String> NORTH_WEST_AREAS =
      Set.of("M", "BL", "OL", "SK", "WN", "WA", "PR", "BB", "FY", "LA", "L", "CH", "CW", "CA");

  private final Map<String, Coordinates> coordinates;

  private Outcodes(Map<String, Coordinates> coordinates) {
    this.coordinates = Map.copyOf(coordinates);
  }

  public static Outcodes loadBundled() {
    Map<String, Coordinates> coordinates = new HashMap<>();
    try (InputStream in = Outcodes.class.getResourceAsStream("/geo/postcode-outcodes.csv");
        BufferedReader reader =
            new BufferedReader(new InputStreamReader(in, StandardCharsets.UTF_8))) {
      reader.readLine();
      for (String line = reader.readLine(); line != null; line = reader.readLine()) {
        String[] fields = line.split(",", -1);
        if (fields.length < 4 || fields[2].isBlank() || fields[3].isBlank()) {
          continue;
        }
        coordinates.put(
            normalise(fields[1]),
            new Coordinates(Double.parseDouble(fields[2]), Double.parseDouble(fields[3])));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new Outcodes(coordinates);
  }

  public Optional<Coordinates> find(String outcode) {
    return outcode == null
        ? Optional.empty()
        : Optional.ofNullable(coordinates.get(normalise(outcode)));
  }

  /** Every North West outcode, sorted, for generating realistic test data. */
  public java.util.List<String> northWest() {
    return coordinates.keySet().stream().filter(Outcodes::isNorthWest).sorted().toList();
  }

  public int size() {
    return coordinates.size();
  }

  /**
   * Whether the outcode's area (its leading letters: {@code L} for L1, not for LA1 or LS1) is in
   * the North West.
   */
  public static boolean isNorthWest(String outcode) {
    String normalised = normalise(outcode);
    int letters = 0;
    while (letters < normalised.length() && Character.isLetter(normalised.charAt(letters))) {
      letters++;
    }
    return NORTH_WEST_AREAS.contains(normalised.substring(0, letters));
  }

  private static String normalise(String outcode) {
    return outcode.trim().toUpperCase(Locale.ROOT);
  }
}
