package org.skillway.ingest.cohort;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.skillway.support.FieldError;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Newline-delimited JSON: one object per line, with the fields of {@link CohortRow} ({@code skills}
 * as {@code [{"skillId":"Python","level":3}]}). Blank lines are skipped.
 */
final class NdjsonRows implements RowSource {
  private final BufferedReader reader;
  private final JsonMapper json;
  private long line;

  NdjsonRows(BufferedReader reader, JsonMapper json) {
    this.reader = reader;
    this.json = json;
  }

  @Override
  public Read next() {
    String text;
    try {
      do {
        text = reader.readLine();
        line++;
      } while (text != null && text.isBlank());
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (text == null) {
      return null;
    }
    JsonNode node;
    try {
      node = json.readTree(text);
    } catch (JacksonException e) {
      return new Read(line, null, null, List.of(new FieldError("line", "is not a JSON object")));
    }
    String ref = node.hasNonNull("studentRef") ? node.get("studentRef").asString() : null;
    try {
      return new Read(line, ref, json.treeToValue(node, CohortRow.class), List.of());
    } catch (JacksonException e) {
      String field =
          e.getPath().isEmpty() || e.getPath().get(0).getPropertyName() == null
              ? "line"
              : e.getPath().get(0).getPropertyName();
      return new Read(
          line, ref, null, List.of(new FieldError(field, "has the wrong type or value")));
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
