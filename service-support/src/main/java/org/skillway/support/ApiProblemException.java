package org.skillway.support;

import java.util.List;
import org.springframework.http.HttpStatus;

/** A request that the service understood but must refuse, with the fields at fault. */
public class ApiProblemException extends RuntimeException {
  private final HttpStatus status;
  private final List<FieldError> errors;

  public ApiProblemException(HttpStatus status, String detail, List<FieldError> errors) {
    super(detail);
    this.status = status;
    this.errors = List.copyOf(errors);
  }

  public static ApiProblemException invalid(String field, String reason) {
    return new ApiProblemException(
        HttpStatus.BAD_REQUEST, field + ": " + reason, List.of(new FieldError(field, reason)));
  }

  /**
   * The same problem for a request that nests the checked object under {@code prefix}, e.g. {@code
   * profile.}.
   */
  public ApiProblemException prefixed(String prefix) {
    return new ApiProblemException(
        status,
        getMessage(),
        errors.stream()
            .map(e -> new FieldError(prefix + e.field(), e.reason(), e.suggestions()))
            .toList());
  }

  public HttpStatus status() {
    return status;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
