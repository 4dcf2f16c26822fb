package org.skillway.support;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.util.List;

/**
 * One thing wrong with a request: the field (a dotted path such as {@code skills[0].level}), why,
 * and, where the service can guess what was meant, values to try instead (best first).
 */
@JsonInclude(JsonInclude.Include.NON_EMPTY)
public record FieldError(String field, String reason, List<Suggestion> suggestions) {
  public FieldError {
    suggestions = suggestions == null ? List.of() : List.copyOf(suggestions);
  }

  public FieldError(String field, String reason) {
    this(field, reason, List.of());
  }

  /**
   * @param value what to send instead
   * @param label what it means, for a person
   */
  public record Suggestion(String value, String label) {}
}
