package org.skillway.support;

import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
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

  public static ServerAuthenticationEntryPoint unauthenticated() {
    return (exchange, ex) ->
        write(
            exchange,
            HttpStatus.UNAUTHORIZED,
            "Authentication required",
            "Send an X-API-Key header or an Authorization: Bearer token.");
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
