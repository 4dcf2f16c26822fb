package org.skillway.ingest.web;

import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.skillway.support.ApiErrorHandler;
import org.skillway.support.RateLimitedException;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.bind.annotation.ControllerAdvice;
import org.springframework.web.bind.annotation.ExceptionHandler;
import org.springframework.web.reactive.resource.NoResourceFoundException;
import org.springframework.web.server.MethodNotAllowedException;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.ServerWebInputException;
import reactor.core.publisher.Mono;

/**
 * Errors on the web app's pages are pages too: plain words, a way on, never a stack trace. The JSON
 * API keeps its problem details: an unknown {@code /api/} path still gets one.
 */
@ControllerAdvice
@Order(Ordered.HIGHEST_PRECEDENCE)
public class WebErrors {
  private static final Logger LOG = LoggerFactory.getLogger(WebErrors.class);

  private final ApiErrorHandler apiErrors;

  WebErrors(ApiErrorHandler apiErrors) {
    this.apiErrors = apiErrors;
  }

  /** No page or asset at this address (or not for this method). */
  @ExceptionHandler({NoResourceFoundException.class, MethodNotAllowedException.class})
  Mono<? extends ResponseEntity<?>> notFound(Exception ex, ServerWebExchange exchange) {
    if (!WebPaths.isPage(exchange.getRequest().getPath().value())) {
      return apiErrors.handleException(ex, exchange);
    }
    return Mono.just(
        page(
            HttpStatus.NOT_FOUND,
            "Page not found",
            "If you typed the web address, check it is correct. If you pasted it, check you"
                + " copied the entire address."));
  }

  /** For the web pages' own handlers only: see {@link Handlers}. */
  static ResponseEntity<String> failure(Throwable ex) {
    if (ex instanceof RateLimitedException limited) {
      return page(HttpStatus.TOO_MANY_REQUESTS, "Too many attempts", limited.getMessage());
    }
    if (ex instanceof ServerWebInputException) {
      return page(
          HttpStatus.BAD_REQUEST,
          "Sorry, we could not read that",
          "Go back, check what you entered and try again.");
    }
    LOG.error("A page failed", ex);
    return page(
        HttpStatus.INTERNAL_SERVER_ERROR,
        "Sorry, there is a problem with the service",
        "Try again later. What you saved before is safe.");
  }

  /** A form posted without its token, or with one from an old page. */
  public static ServerAccessDeniedHandler expiredForm() {
    return refusal(
        "This form has expired",
        "Go back, reload the page and send the form again. Nothing was saved.");
  }

  /** Signed in, but not as a person (the web app's pages are for people). */
  public static ServerAccessDeniedHandler notForYou() {
    return refusal(
        "You cannot use this page",
        "These pages are for people looking for work or training. Employers and universities use"
            + " the Skillway API.");
  }

  private static ServerAccessDeniedHandler refusal(String heading, String message) {
    return (exchange, denied) -> {
      var response = exchange.getResponse();
      response.setStatusCode(HttpStatus.FORBIDDEN);
      // The refused form's body may be left unread; on a kept-alive connection Netty then
      // sometimes never answers the next request (as after a firewall rejection, RequestEdge).
      response.getHeaders().setConnection("close");
      response.getHeaders().setContentType(Pages.HTML);
      response.getHeaders().setCacheControl(CacheControl.noStore());
      byte[] body = html(heading, message).getBytes(StandardCharsets.UTF_8);
      return response.writeWith(Mono.just(response.bufferFactory().wrap(body)));
    };
  }

  static ResponseEntity<String> page(HttpStatus status, String heading, String message) {
    return ResponseEntity.status(status)
        .contentType(Pages.HTML)
        .cacheControl(CacheControl.noStore())
        .body(html(heading, message));
  }

  private static String html(String heading, String message) {
    return Pages.html(
        "error", "page", new Page(heading, false, "", Map.of(), null, null), "message", message);
  }

  /** Handlers of the web pages' own controllers: any failure is an error page. */
  @ControllerAdvice(basePackageClasses = WebErrors.class)
  @Order(Ordered.HIGHEST_PRECEDENCE + 1)
  static class Handlers {
    @ExceptionHandler(Throwable.class)
    ResponseEntity<String> any(Throwable ex) {
      return failure(ex);
    }
  }
}
