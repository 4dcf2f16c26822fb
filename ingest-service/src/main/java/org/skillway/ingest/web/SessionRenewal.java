package org.skillway.ingest.web;

import java.time.Clock;
import java.time.Duration;
import org.skillway.ingest.token.TokenIssuer;
import org.skillway.support.Role;
import org.skillway.support.SecretsCheck;
import org.skillway.support.SecurityDefaults;
import org.springframework.core.annotation.Order;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Keeps a person who is using the web app signed in: once their session's token is past half its
 * life, a page they open swaps it for a fresh one, so someone filling in their profile is not sent
 * back to sign in after 30 minutes, while a forgotten session still ends 30 minutes after its last
 * renewal. The old token is not revoked here: a request already under way, or the live stream, may
 * still carry it, and revoking it would sign the person out mid-page; it expires within half a
 * life, and signing out revokes it with every other ({@code People.signOutEverywhere}). Runs after
 * Spring Security, which has checked the token.
 */
@Component
@Order(0)
class SessionRenewal implements WebFilter {
  private final TokenIssuer issuer;
  private final Clock clock;
  private final boolean secure;

  SessionRenewal(TokenIssuer issuer, Clock clock, SecretsCheck secrets) {
    this.issuer = issuer;
    this.clock = clock;
    this.secure = !secrets.localMode();
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    String path = exchange.getRequest().getPath().value();
    if (!WebPaths.isPage(path)
        || path.startsWith("/assets/")
        || path.equals("/sign-out")
        || path.equals("/notifications/live")
        || exchange.getRequest().getCookies().getFirst(SessionCookie.NAME) == null) {
      return chain.filter(exchange);
    }
    return ReactiveSecurityContextHolder.getContext()
        .map(SecurityContext::getAuthentication)
        .filter(auth -> auth.getPrincipal() instanceof Jwt)
        .filter(auth -> SecurityDefaults.hasRole(auth, Role.STUDENT))
        .map(auth -> (Jwt) auth.getPrincipal())
        .filter(this::pastHalfLife)
        .flatMap(old -> renew(exchange, old))
        .then(chain.filter(exchange));
  }

  private boolean pastHalfLife(Jwt token) {
    if (token.getIssuedAt() == null || token.getExpiresAt() == null) {
      return false;
    }
    Duration life = Duration.between(token.getIssuedAt(), token.getExpiresAt());
    return clock.instant().isAfter(token.getIssuedAt().plus(life.dividedBy(2)));
  }

  private Mono<Void> renew(ServerWebExchange exchange, Jwt old) {
    TokenIssuer.IssuedToken fresh = issuer.issue(old.getSubject(), Role.STUDENT);
    SessionCookie.set(
        exchange.getResponse(), fresh.accessToken(), Duration.ofSeconds(fresh.expiresIn()), secure);
    return Mono.empty();
  }
}
