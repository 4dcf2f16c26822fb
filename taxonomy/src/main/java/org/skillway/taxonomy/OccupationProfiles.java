package org.skillway.taxonomy;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each occupation's essential and optional skills, from {@code esco/occupationSkills_en.txt.gz}:
 * the skill ids once each ({@code S <id>}), then one line per occupation ({@code O
 * <id>;<essential>;<optional>}) naming skills by their position. Derived from ESCO v1.2.0 by {@code
 * taxonomy/tools/derive_esco_full.py}; see docs/taxonomy.md for how rows were mapped.
 */
final class OccupationProfiles {
  private static final int[] NONE = new int[0];

  private final String[] skills;
  private final Map<String, int[]> essential;
  private final Map<String, int[]> optional;

  private OccupationProfiles(
      String[] skills, Map<String, int[]> essential, Map<String, int[]> optional) {
    this.skills = skills;
    this.essential = essential;
    this.optional = optional;
  }

  static OccupationProfiles read(Reader source, Ids ids) {
    List<String> skills = new ArrayList<>(16_384);
    Map<String, int[]> essential = new HashMap<>(4_096);
    Map<String, int[]> optional = new HashMap<>(4_096);
    try (BufferedReader in = new BufferedReader(source, 1 << 16)) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        if (line.startsWith("S ")) {
          skills.add(ids.of(line.substring(2)));
        } else if (line.startsWith("O ")) {
          String[] parts = line.substring(2).split(";", -1);
          String occupation = ids.of(parts[0]);
          essential.put(occupation, positions(parts[1]));
          optional.put(occupation, positions(parts[2]));
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return new OccupationProfiles(skills.toArray(String[]::new), essential, optional);
  }

  List<String> essential(String occupationId) {
    return ids(essential.getOrDefault(occupationId, NONE));
  }

  List<String> optional(String occupationId) {
    return ids(optional.getOrDefault(occupationId, NONE));
  }

  private List<String> ids(int[] positions) {
    List<String> out = new ArrayList<>(positions.length);
    for (int position : positions) {
      out.add(skills[position]);
    }
    return List.copyOf(out);
  }

  private static int[] positions(String field) {
    if (field.isEmpty()) {
      return NONE;
    }
    String[] parts = field.split(" ");
    int[] out = new int[parts.length];
    for (int i = 0; i < parts.length; i++) {
      out[i] = Integer.parseInt(parts[i]);
    }
    return out;
  }
}
