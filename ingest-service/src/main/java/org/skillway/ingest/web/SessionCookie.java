package org.skillway.ingest.web;

import java.time.Duration;
import org.springframework.http.ResponseCookie;
import org.springframework.http.server.reactive.ServerHttpResponse;
import org.springframework.security.oauth2.server.resource.authentication.BearerTokenAuthenticationToken;
import org.springframework.security.web.server.authentication.ServerAuthenticationConverter;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A signed-in person's identity token, kept in a cookie that scripts cannot read ({@code
 * HttpOnly}), that other sites' forms do not carry ({@code SameSite=Lax}; every form also carries a
 * CSRF token) and, outside local mode, that travels only over https. No session is held on the
 * server: any instance can serve any person, and signing out revokes the token everywhere.
 */
public final class SessionCookie {
  public static final String NAME = "skillway_session";

  /** The claim token of an invitation, between following the link and setting the password. */
  public static final String CLAIM = "skillway_claim";

  private SessionCookie() {}

  public static void set(
      ServerHttpResponse response, String token, Duration lifetime, boolean secure) {
    response.addCookie(cookie(NAME, token, lifetime, secure));
  }

  public static void clear(ServerHttpResponse response, boolean secure) {
    response.addCookie(cookie(NAME, "", Duration.ZERO, secure));
  }

  public static ResponseCookie cookie(
      String name, String value, Duration lifetime, boolean secure) {
    return ResponseCookie.from(name, value)
        .httpOnly(true)
        .secure(secure)
        .sameSite("Lax")
        .path("/")
        .maxAge(lifetime)
        .build();
  }

  /** Reads the token from the cookie, for Spring Security's resource-server authentication. */
  public static ServerAuthenticationConverter converter() {
    return (ServerWebExchange exchange) -> {
      var cookie = exchange.getRequest().getCookies().getFirst(NAME);
      return cookie == null || cookie.getValue().isBlank()
          ? Mono.empty()
          : Mono.just(new BearerTokenAuthenticationToken(cookie.getValue()));
    };
  }
}
