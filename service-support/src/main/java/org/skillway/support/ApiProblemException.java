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

  public HttpStatus status() {
    return status;
  }

  public List<FieldError> errors() {
    return errors;
  }
}
