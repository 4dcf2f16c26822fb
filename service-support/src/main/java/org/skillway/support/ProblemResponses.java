package org.skillway.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.security.web.server.authorization.ServerAccessDeniedHandler;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/** Problem responses for the security filter chain, which runs before any controller advice. */
public final class ProblemResponses {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private ProblemResponses() {}

  /**
   * 401 as a problem. A refused token also closes the connection: the request after one on the same
   * kept-alive connection went unanswered about one time in eight (a raw-socket loop of a 401 for
   * {@code Authorization: Bearer x} then any request; CI's occasional 20 s "no answer"), which a
   * fresh connection does not suffer.
   */
  public static ServerAuthenticationEntryPoint unauthenticated() {
    return (exchange, ex) -> {
      if (exchange.getRequest().getHeaders().containsHeader(HttpHeaders.AUTHORIZATION)) {
        exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
      }
      return write(
          exchange,
          HttpStatus.UNAUTHORIZED,
          "Authentication required",
          "Send an X-API-Key header or an Authorization: Bearer token.");
    };
  }

  public static ServerAccessDeniedHandler forbidden() {
    return (exchange, ex) ->
        write(exchange, HttpStatus.FORBIDDEN, "Forbidden", "You may not access this resource.");
  }

  public static Mono<Void> write(
      ServerWebExchange exchange, HttpStatus status, String title, String detail) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("type", "about:blank");
    body.put("title", title);
    body.put("status", status.value());
    body.put("detail", detail);
    body.put("instance", exchange.getRequest().getPath().value());
    var response = exchange.getResponse();
    response.setStatusCode(status);
    response.getHeaders().setContentType(MediaType.APPLICATION_PROBLEM_JSON);
    byte[] bytes = JSON.writeValueAsString(body).getBytes(StandardCharsets.UTF_8);
    return response.writeWith(Mono.just(response.bufferFactory().wrap(bytes)));
  }
}
