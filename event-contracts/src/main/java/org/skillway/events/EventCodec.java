package org.skillway.events;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.time.format.DateTimeParseException;
import java.util.UUID;
import tools.jackson.core.JacksonException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * Reads and writes events in their wire form: a flat JSON envelope of {@code eventId}, {@code
 * type}, {@code schemaVersion}, {@code occurredAt}, {@code aggregateId}, {@code aggregateVersion}
 * and {@code payload}. Unknown payload fields are ignored so that producers can add optional fields
 * within a schema version. Thread-safe.
 */
public final class EventCodec {
  private final JsonMapper mapper =
      JsonMapper.builder()
          .disable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES)
          // Optional fields a producer has no value for are left out, not written as null.
          .changeDefaultPropertyInclusion(
              inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
          .build();

  public byte[] encode(SkillwayEvent event) {
    EventMetadata metadata = event.metadata();
    ObjectNode root = mapper.createObjectNode();
    root.put("eventId", metadata.eventId().toString());
    root.put("type", event.type().wireName());
    root.put("schemaVersion", event.type().schemaVersion());
    root.put("occurredAt", metadata.occurredAt().toString());
    root.put("aggregateId", metadata.aggregateId());
    root.put("aggregateVersion", metadata.aggregateVersion());
    root.set("payload", mapper.valueToTree(event.payload()));
    return mapper.writeValueAsBytes(root);
  }

  /**
   * @throws InvalidEventException with a reason a person can act on, if the bytes are not a valid
   *     event
   */
  public SkillwayEvent decode(byte[] json) {
    if (json == null || json.length == 0) {
      throw new InvalidEventException("empty event (a tombstone or a blank record)");
    }
    JsonNode root;
    try {
      root = mapper.readTree(json);
    } catch (JacksonException e) {
      throw new InvalidEventException("not valid JSON: " + e.getOriginalMessage(), e);
    }
    if (root == null || !root.isObject()) {
      throw new InvalidEventException("an event must be a JSON object");
    }
    String typeName = requiredText(root, "type");
    EventType type =
        EventType.byWireName(typeName)
            .orElseThrow(() -> new InvalidEventException("unknown event type '" + typeName + "'"));
    JsonNode version = root.get("schemaVersion");
    if (version == null || !version.isInt() || version.intValue() != type.schemaVersion()) {
      throw new InvalidEventException(
          "unsupported schemaVersion "
              + version
              + " for "
              + typeName
              + " (supported: "
              + type.schemaVersion()
              + ")");
    }
    JsonNode payload = root.get("payload");
    if (payload == null || !payload.isObject()) {
      throw new InvalidEventException("payload is required and must be an object");
    }
    try {
      EventMetadata metadata =
          new EventMetadata(
              UUID.fromString(requiredText(root, "eventId")),
              Instant.parse(requiredText(root, "occurredAt")),
              requiredText(root, "aggregateId"),
              requiredLong(root, "aggregateVersion"));
      return type.create(metadata, mapper.treeToValue(payload, type.payloadType()));
    } catch (JacksonException e) {
      throw new InvalidEventException("invalid payload: " + e.getOriginalMessage(), e);
    } catch (IllegalArgumentException | NullPointerException | DateTimeParseException e) {
      throw new InvalidEventException("invalid " + typeName + ": " + e.getMessage(), e);
    }
  }

  private static String requiredText(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.isString()) {
      throw new InvalidEventException(field + " is required and must be a string");
    }
    return node.stringValue();
  }

  private static long requiredLong(JsonNode root, String field) {
    JsonNode node = root.get(field);
    if (node == null || !node.canConvertToLong() || !node.isIntegralNumber()) {
      throw new InvalidEventException(field + " is required and must be an integer");
    }
    return node.longValue();
  }
}
