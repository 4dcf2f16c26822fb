package org.skillway.taxonomy;

import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;

/**
 * A word people type that ESCO has no label for, and the ESCO skill it means. Read from {@code
 * esco/synonyms.csv}, whose {@code why} column says why each one is right.
 */
record Synonym(String typed, String skillId, String preferredLabel) {

  static List<Synonym> readBundled(String resource) {
    InputStream in = Synonym.class.getResourceAsStream(resource);
    if (in == null) {
      throw new IllegalStateException("missing bundled file " + resource);
    }
    CSVFormat format =
        CSVFormat.RFC4180
            .builder()
            .setHeader()
            .setSkipHeaderRecord(true)
            .setCommentMarker('#')
            .get();
    List<Synonym> synonyms = new ArrayList<>();
    try (Reader reader = new InputStreamReader(in, StandardCharsets.UTF_8);
        CSVParser parser = CSVParser.builder().setReader(reader).setFormat(format).get()) {
      for (CSVRecord r : parser) {
        synonyms.add(
            new Synonym(
                r.get("typed").trim(),
                Labels.id(r.get("skillId")),
                r.get("preferredLabel").trim()));
      }
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return synonyms;
  }
}
