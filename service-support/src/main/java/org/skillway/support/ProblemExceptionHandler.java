package org.skillway.support;

import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.web.ErrorResponse;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebExceptionHandler;
import reactor.core.publisher.Mono;

/**
 * The last word on any failure that no controller advice answered: an unknown path, a method the
 * path does not take, a body of a type it does not read, or a bug. Always an RFC 9457 problem;
 * never Spring's default error body, a stack trace or a class name. Runs before Boot's own error
 * handler (order -1).
 */
@Order(-2)
public class ProblemExceptionHandler implements WebExceptionHandler {
  private static final Logger LOG = LoggerFactory.getLogger(ProblemExceptionHandler.class);

  @Override
  public Mono<Void> handle(ServerWebExchange exchange, Throwable failure) {
    if (exchange.getResponse().isCommitted()) {
      return Mono.error(failure);
    }
    HttpStatus status = HttpStatus.INTERNAL_SERVER_ERROR;
    String detail = null;
    if (failure instanceof ErrorResponse error) {
      HttpStatusCode code = error.getStatusCode();
      status = HttpStatus.resolve(code.value());
      if (status == null) {
        status =
            code.is4xxClientError() ? HttpStatus.BAD_REQUEST : HttpStatus.INTERNAL_SERVER_ERROR;
      }
      detail = error.getBody().getDetail();
      exchange.getResponse().getHeaders().addAll(error.getHeaders());
    }
    if (status.is5xxServerError()) {
      LOG.error(
          "Request {} {} failed (request id {})",
          exchange.getRequest().getMethod(),
          exchange.getRequest().getPath().value(),
          exchange.getRequest().getId(),
          failure);
      detail =
          "Something went wrong on our side. Try again later; if it keeps happening, tell us the"
              + " request id "
              + exchange.getRequest().getId()
              + ".";
    } else if (detail == null || looksInternal(detail)) {
      detail = plainDetail(status);
    }
    return ProblemResponses.write(exchange, status, status.getReasonPhrase(), detail);
  }

  /** A detail that names code (a class or a package) says nothing useful to a client. */
  static boolean looksInternal(String detail) {
    return detail.contains("Exception")
        || detail.contains("java.")
        || detail.contains("org.")
        || detail.contains("tools.jackson");
  }

  private static String plainDetail(HttpStatus status) {
    return switch (status) {
      case NOT_FOUND -> "There is nothing at this address. Check it against the API reference.";
      case METHOD_NOT_ALLOWED -> "This address does not take that method.";
      case UNSUPPORTED_MEDIA_TYPE -> "This address does not read a body of that content type.";
      case NOT_ACCEPTABLE -> "This address cannot answer in the content type asked for.";
      default -> "The request could not be processed as it is.";
    };
  }
}
