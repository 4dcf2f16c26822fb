package org.skillway.support;

import java.util.List;
import java.util.concurrent.TimeoutException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.ProblemDetail;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.bind.annotation.RestControllerAdvice;
import org.springframework.web.bind.support.WebExchangeBindException;
import org.springframework.web.reactive.result.method.annotation.ResponseEntityExceptionHandler;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;
import tools.jackson.core.JacksonException;
import tools.jackson.core.exc.StreamReadException;
import tools.jackson.databind.exc.InvalidFormatException;
import tools.jackson.databind.exc.MismatchedInputException;

/**
 * Turns every failure of a request into an RFC 9457 {@code application/problem+json} response.
 * Field-level problems are listed under {@code errors} as {@code {field, reason}}. No stack trace
 * ever reaches a client.
 */
@RestControllerAdvice
public class ApiErrorHandler extends ResponseEntityExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ApiErrorHandler.class);
  static final String RETRY_AFTER_SECONDS = "5";

  @Override
  protected Mono<ResponseEntity<Object>> handleWebExchangeBindException(
      WebExchangeBindException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    List<FieldError> errors =
        ex.getFieldErrors().stream()
            .map(e -> new FieldError(e.getField(), e.getDefaultMessage()))
            .sorted(java.util.Comparator.comparing(FieldError::field))
            .toList();
    return problem(
        ex, HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors, exchange);
  }

  @Override
  protected Mono<ResponseEntity<Object>> handleServerWebInputException(
      ServerWebInputException ex,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    JacksonException json = findCause(ex, JacksonException.class);
    if (json == null) {
      // A path variable, query parameter or header that could not be read as its type.
      org.springframework.core.MethodParameter parameter = ex.getMethodParameter();
      if (parameter != null && parameter.getParameterName() != null) {
        String field = parameterName(parameter);
        List<FieldError> errors =
            List.of(
                new FieldError(
                    field,
                    "has the wrong type (expected "
                        + simpleType(parameter.getParameterType())
                        + ")"));
        return problem(
            ex, HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors, exchange);
      }
      return super.handleServerWebInputException(ex, headers, status, exchange);
    }
    String field = json.getPath().isEmpty() ? "body" : path(json.getPath());
    String reason;
    if (json instanceof InvalidFormatException invalid
        && invalid.getTargetType() != null
        && invalid.getTargetType().isEnum()) {
      reason =
          "must be one of " + java.util.Arrays.toString(invalid.getTargetType().getEnumConstants());
    } else if (json instanceof MismatchedInputException mismatch
        && mismatch.getTargetType() != null) {
      reason = "has the wrong type (expected " + simpleType(mismatch.getTargetType()) + ")";
    } else if (json instanceof StreamReadException) {
      field = "body";
      reason = "is not well-formed JSON";
    } else {
      reason = "could not be read";
    }
    List<FieldError> errors = List.of(new FieldError(field, reason));
    return problem(
        ex, HttpStatus.BAD_REQUEST, "Invalid request", describe(errors), errors, exchange);
  }

  @ExceptionHandler(ApiProblemException.class)
  Mono<ResponseEntity<Object>> handleApiProblem(
      ApiProblemException ex, ServerWebExchange exchange) {
    return problem(
        ex, ex.status(), ex.status().getReasonPhrase(), ex.getMessage(), ex.errors(), exchange);
  }

  /**
   * The broker did not acknowledge in time: nothing was accepted, so the client may safely retry.
   */
  @ExceptionHandler({
    org.apache.kafka.common.KafkaException.class,
    org.springframework.kafka.KafkaException.class,
    TimeoutException.class
  })
  Mono<ResponseEntity<Object>> handleBrokerUnavailable(Exception ex, ServerWebExchange exchange) {
    LOG.warn("Event broker unavailable: {}", ex.toString());
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(
            HttpStatus.SERVICE_UNAVAILABLE,
            "The service cannot store your request right now; nothing was saved. Try again shortly.");
    body.setTitle("Temporarily unavailable");
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, RETRY_AFTER_SECONDS);
    return handleExceptionInternal(ex, body, headers, HttpStatus.SERVICE_UNAVAILABLE, exchange);
  }

  /** Too many attempts from one client: says when to try again. */
  @ExceptionHandler(RateLimitedException.class)
  Mono<ResponseEntity<Object>> handleRateLimited(
      RateLimitedException ex, ServerWebExchange exchange) {
    ProblemDetail body =
        ProblemDetail.forStatusAndDetail(HttpStatus.TOO_MANY_REQUESTS, ex.getMessage());
    body.setTitle("Too many attempts");
    HttpHeaders headers = new HttpHeaders();
    headers.set(HttpHeaders.RETRY_AFTER, String.valueOf(ex.retryAfter().toSeconds()));
    return handleExceptionInternal(ex, body, headers, HttpStatus.TOO_MANY_REQUESTS, exchange);
  }

  /**
   * Every problem is {@code application/problem+json}, whatever the client's {@code Accept} asks
   * for (an event stream, or a header that does not parse): without this the body would be
   * negotiated away and the client would get an empty answer.
   */
  @Override
  protected Mono<ResponseEntity<Object>> handleExceptionInternal(
      Exception ex,
      Object body,
      HttpHeaders headers,
      HttpStatusCode status,
      ServerWebExchange exchange) {
    HttpHeaders problemHeaders = new HttpHeaders();
    if (headers != null) {
      problemHeaders.putAll(headers);
    }
    problemHeaders.setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    return super.handleExceptionInternal(ex, body, problemHeaders, status, exchange);
  }

  private Mono<ResponseEntity<Object>> problem(
      Exception ex,
      HttpStatus status,
      String title,
      String detail,
      List<FieldError> errors,
      ServerWebExchange exchange) {
    ProblemDetail body = ProblemDetail.forStatusAndDetail(status, detail);
    body.setTitle(title);
    if (!errors.isEmpty()) {
      body.setProperty("errors", errors);
    }
    return handleExceptionInternal(ex, body, new HttpHeaders(), status, exchange);
  }

  private static String describe(List<FieldError> errors) {
    return errors.stream()
        .map(e -> e.field() + " " + e.reason())
        .collect(java.util.stream.Collectors.joining("; "));
  }

  /** A JSON location as clients name fields: {@code profile.skills[0].skillId}, or {@code body}. */
  public static String path(List<JacksonException.Reference> references) {
    StringBuilder path = new StringBuilder();
    for (JacksonException.Reference reference : references) {
      if (reference.getPropertyName() != null) {
        if (!path.isEmpty()) {
          path.append('.');
        }
        path.append(reference.getPropertyName());
      } else if (reference.getIndex() >= 0) {
        path.append('[').append(reference.getIndex()).append(']');
      }
    }
    return path.isEmpty() ? "body" : path.toString();
  }

  /** The name the client used: a {@code @RequestParam} or {@code @PathVariable} name if given. */
  private static String parameterName(org.springframework.core.MethodParameter parameter) {
    var query =
        parameter.getParameterAnnotation(
            org.springframework.web.bind.annotation.RequestParam.class);
    if (query != null) {
      String named = query.name().isEmpty() ? query.value() : query.name();
      if (!named.isEmpty()) {
        return named;
      }
    }
    var path =
        parameter.getParameterAnnotation(
            org.springframework.web.bind.annotation.PathVariable.class);
    if (path != null) {
      String named = path.name().isEmpty() ? path.value() : path.name();
      if (!named.isEmpty()) {
        return named;
      }
    }
    var header =
        parameter.getParameterAnnotation(
            org.springframework.web.bind.annotation.RequestHeader.class);
    if (header != null) {
      String named = header.name().isEmpty() ? header.value() : header.name();
      if (!named.isEmpty()) {
        return named;
      }
    }
    return parameter.getParameterName();
  }

  private static String simpleType(Class<?> type) {
    if (Number.class.isAssignableFrom(type) || (type.isPrimitive() && type != boolean.class)) {
      return "a number";
    }
    if (type == Boolean.class || type == boolean.class) {
      return "true or false";
    }
    if (java.util.Collection.class.isAssignableFrom(type)) {
      return "an array";
    }
    if (type == String.class) {
      return "a string";
    }
    if (type.getName().startsWith("java.time")) {
      return "an ISO-8601 date";
    }
    return "an object";
  }

  private static <T extends Throwable> T findCause(Throwable error, Class<T> type) {
    for (Throwable t = error; t != null; t = t.getCause()) {
      if (type.isInstance(t)) {
        return type.cast(t);
      }
    }
    return null;
  }
}
