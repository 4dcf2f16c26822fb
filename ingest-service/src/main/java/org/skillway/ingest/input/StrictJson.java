package org.skillway.ingest.input;

import java.lang.reflect.RecordComponent;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.skillway.support.ApiErrorHandler;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
import org.springframework.http.HttpStatus;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.InputCoercionException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.DeserializationFeature;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.cfg.EnumFeature;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;
import tools.jackson.databind.exc.UnrecognizedPropertyException;
import tools.jackson.databind.json.JsonMapper;

/**
 * Reads a JSON request into a record strictly, at the web edge: a field the record does not have, a
 * number or an array where text belongs, a fraction where a whole number belongs or an enum given
 * by its position are refused, naming the field, where the lenient defaults would guess. Every
 * refusal is a 400 problem, never a 500.
 */
public final class StrictJson {
  private StrictJson() {}

  /**
   * The body as a {@code type}.
   *
   * @param body the request body as sent; {@code null} or blank gives {@code null}
   */
  public static <T extends Record> T read(JsonMapper json, String body, Class<T> type) {
    if (body == null || body.isBlank()) {
      return null;
    }
    JsonNode tree;
    try {
      tree = json.readTree(body);
    } catch (JacksonException e) {
      throw refused(List.of(new FieldError("body", "is not well-formed JSON")));
    }
    if (tree == null || !tree.isObject()) {
      throw refused(List.of(new FieldError("body", "must be a JSON object")));
    }
    return convert(json, tree, type);
  }

  /** The object {@code tree} as a {@code type}, read strictly. */
  public static <T extends Record> T convert(JsonMapper json, JsonNode tree, Class<T> type) {
    List<FieldError> errors = shape(tree, type);
    if (!errors.isEmpty()) {
      throw refused(errors);
    }
    try {
      return json.readerFor(type)
          .with(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES)
          .without(DeserializationFeature.ACCEPT_FLOAT_AS_INT)
          .with(EnumFeature.FAIL_ON_NUMBERS_FOR_ENUMS)
          .readValue(tree);
    } catch (JacksonException e) {
      throw refused(List.of(fieldError(e)));
    }
  }

  /** The field and reason for a body Jackson could not read. */
  public static FieldError fieldError(JacksonException e) {
    String field = ApiErrorHandler.path(e.getPath());
    if (e instanceof UnrecognizedPropertyException) {
      return new FieldError(field, "is not a field of this request");
    }
    if (e instanceof InvalidFormatException invalid
        && invalid.getTargetType() != null
        && invalid.getTargetType().isEnum()) {
      return new FieldError(
          field,
          "must be one of "
              + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants()));
    }
    if (e instanceof InputCoercionException coercion && coercion.getTargetType() != null) {
      return new FieldError(field, "is out of range for " + expected(coercion.getTargetType()));
    }
    if (e instanceof MismatchedInputException mismatch && mismatch.getTargetType() != null) {
      return new FieldError(
          field, "has the wrong type (expected " + expected(mismatch.getTargetType()) + ")");
    }
    if (e instanceof StreamReadException) {
      return new FieldError("body".equals(field) ? "body" : field, "is not well-formed JSON");
    }
    return new FieldError(field, "could not be read");
  }

  /**
   * Fields the record lacks, and text or enum fields not sent as JSON strings (Jackson would turn
   * {@code 42} into {@code "42"}, and {@code 1} into the second constant of an enum).
   */
  private static List<FieldError> shape(JsonNode tree, Class<? extends Record> type) {
    List<FieldError> errors = new ArrayList<>();
    for (Map.Entry<String, JsonNode> field : tree.properties()) {
      RecordComponent component = component(type, field.getKey());
      JsonNode value = field.getValue();
      if (component == null) {
        errors.add(new FieldError(field.getKey(), "is not a field of this request"));
      } else if ((component.getType() == String.class || component.getType().isEnum())
          && !value.isNull()
          && !value.isString()) {
        errors.add(new FieldError(field.getKey(), "has the wrong type (expected a string)"));
      }
    }
    return errors;
  }

  private static RecordComponent component(Class<? extends Record> type, String name) {
    for (RecordComponent component : type.getRecordComponents()) {
      if (component.getName().equals(name)) {
        return component;
      }
    }
    return null;
  }

  private static ApiProblemException refused(List<FieldError> errors) {
    return new ApiProblemException(
        HttpStatus.BAD_REQUEST,
        errors.stream()
            .map(e -> e.field() + " " + e.reason())
            .collect(java.util.stream.Collectors.joining("; ")),
        errors);
  }

  private static String expected(Class<?> type) {
    if (type == Integer.class || type == int.class || type == Long.class || type == long.class) {
      return "a whole number";
    }
    if (Number.class.isAssignableFrom(type) || type.isPrimitive() && type != boolean.class) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (type == String.class || type.isEnum()) {
      return "a string";
    }
    if (type.getName().startsWith("java.time")) {
      return "an ISO-8601 date";
    }
    return "an object";
  }
}
