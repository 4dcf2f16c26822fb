package org.skillway.ingest.cohort;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.List;
import org.skillway.ingest.input.StrictJson;
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
      node = null;
    }
    // null, [], "x" and 42 are JSON, but no student.
    if (node == null || !node.isObject()) {
      return new Read(line, null, null, List.of(new FieldError("line", "is not a JSON object")));
    }
    JsonNode refNode = node.get("studentRef");
    String ref = refNode != null && refNode.isString() ? refNode.asString() : null;
    if (refNode != null && !refNode.isNull() && !refNode.isString()) {
      return new Read(
          line,
          null,
          null,
          List.of(new FieldError("studentRef", "has the wrong type (expected a string)")));
    }
    try {
      return new Read(line, ref, json.treeToValue(node, CohortRow.class), List.of());
    } catch (JacksonException e) {
      FieldError error = StrictJson.fieldError(e);
      return new Read(
          line,
          ref,
          null,
          List.of("body".equals(error.field()) ? new FieldError("line", error.reason()) : error));
    }
  }

  @Override
  public void close() throws IOException {
    reader.close();
  }
}
