package org.skillway.ingest.web;

import org.springframework.http.HttpStatus;
import org.springframework.security.core.AuthenticationException;
import org.springframework.security.web.server.ServerAuthenticationEntryPoint;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A page that needs a signed-in person, asked for without one (or with a token that has expired or
 * been revoked): the stale cookie goes and the browser is sent to sign in.
 */
public final class SignInRedirect implements ServerAuthenticationEntryPoint {
  private final boolean secure;

  public SignInRedirect(boolean secure) {
    this.secure = secure;
  }

  @Override
  public Mono<Void> commence(ServerWebExchange exchange, AuthenticationException ex) {
    var response = exchange.getResponse();
    boolean hadSession = exchange.getRequest().getCookies().getFirst(SessionCookie.NAME) != null;
    if (hadSession) {
      SessionCookie.clear(response, secure);
      // As for a refused bearer token: the connection that carried a refused session is not kept.
      // Reused after a token failure, Reactor Netty sometimes never answered the next request on it
      // (a rare stall under load, seen in CI after a sign-out).
      response.getHeaders().set(org.springframework.http.HttpHeaders.CONNECTION, "close");
    }
    response.setStatusCode(HttpStatus.SEE_OTHER);
    response
        .getHeaders()
        .setLocation(java.net.URI.create(hadSession ? "/sign-in?ended=1" : "/sign-in"));
    return response.setComplete();
  }
}
