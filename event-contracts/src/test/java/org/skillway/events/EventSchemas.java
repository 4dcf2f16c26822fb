package org.skillway.events;

import com.networknt.schema.Error;
import com.networknt.schema.Schema;
import com.networknt.schema.SchemaRegistry;
import com.networknt.schema.SpecificationVersion;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Checks an event's wire form against the JSON Schema of its type. Shipped in this module's
 * test-jar so that every producer's and consumer's tests hold to the same contract.
 */
public final class EventSchemas {
  private static final JsonMapper MAPPER = JsonMapper.builder().build();
  private static final Map<EventType, Schema> SCHEMAS = load();

  private EventSchemas() {}

  /** Every way the event breaks its schema; empty when it conforms. */
  public static List<String> violations(byte[] json) {
    JsonNode node = MAPPER.readTree(json);
    String typeName = node.path("type").asString("");
    EventType type =
        EventType.byWireName(typeName)
            .orElseThrow(() -> new AssertionError("no schema for event type '" + typeName + "'"));
    return SCHEMAS.get(type).validate(node).stream().map(Error::toString).toList();
  }

  public static void assertConforms(byte[] json) {
    List<String> violations = violations(json);
    if (!violations.isEmpty()) {
      throw new AssertionError(
          "event breaks its schema: "
              + violations
              + "\n"
              + new String(json, StandardCharsets.UTF_8));
    }
  }

  public static byte[] example(String name) {
    try (InputStream in = EventSchemas.class.getResourceAsStream("/examples/" + name)) {
      if (in == null) {
        throw new IllegalArgumentException("no example " + name);
      }
      return in.readAllBytes();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Map<EventType, Schema> load() {
    SchemaRegistry registry = SchemaRegistry.withDefaultDialect(SpecificationVersion.DRAFT_2020_12);
    Map<EventType, Schema> schemas = new EnumMap<>(EventType.class);
    for (EventType type : EventType.values()) {
      try (InputStream in =
          EventSchemas.class.getClassLoader().getResourceAsStream(type.schemaResource())) {
        if (in == null) {
          throw new IllegalStateException("missing schema " + type.schemaResource());
        }
        schemas.put(type, registry.getSchema(in));
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return schemas;
  }
}
