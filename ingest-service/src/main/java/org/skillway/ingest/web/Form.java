package org.skillway.ingest.web;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;

/**
 * What a person typed into a form, and what is wrong with it, field by field, in the order the
 * fields appear (the error summary lists them in that order).
 */
public final class Form {
  private final MultiValueMap<String, String> values;
  private final Map<String, String> errors = new LinkedHashMap<>();

  public Form(MultiValueMap<String, String> values) {
    this.values = values;
  }

  /** The form the request posted. */
  public static reactor.core.publisher.Mono<Form> read(
      org.springframework.web.server.ServerWebExchange exchange) {
    return exchange.getFormData().map(Form::new);
  }

  /** The value exactly as typed, spaces at either end kept (as a password's are); empty if none. */
  public String raw(String field) {
    String value = values.getFirst(field);
    return value == null ? "" : value;
  }

  public static Form empty() {
    return new Form(new LinkedMultiValueMap<>());
  }

  public Form with(String field, String value) {
    if (value != null) {
      values.set(field, value);
    }
    return this;
  }

  public Form withAll(String field, List<String> all) {
    values.put(field, new java.util.ArrayList<>(all));
    return this;
  }

  /** The value as typed, trimmed; empty when none. */
  public String value(String field) {
    String value = values.getFirst(field);
    return value == null ? "" : value.strip();
  }

  public List<String> values(String field) {
    return values.getOrDefault(field, List.of());
  }

  public boolean checked(String field, String value) {
    return values(field).contains(value);
  }

  public boolean isBlank(String field) {
    return value(field).isEmpty();
  }

  /** Records the first problem of a field; later ones for the same field are dropped. */
  public Form error(String field, String message) {
    errors.putIfAbsent(field, message);
    return this;
  }

  public String errorOf(String field) {
    return errors.get(field);
  }

  public boolean hasError(String field) {
    return errors.containsKey(field);
  }

  public boolean hasErrors() {
    return !errors.isEmpty();
  }

  /** The ids of a field's hint and error message, for {@code aria-describedby}; null if none. */
  public String describedBy(String field, boolean hint) {
    String ids =
        ((hint ? field + "-hint " : "") + (hasError(field) ? field + "-error" : "")).strip();
    return ids.isEmpty() ? null : ids;
  }

  public Map<String, String> errors() {
    return java.util.Collections.unmodifiableMap(errors);
  }
}
