package org.skillway.ingest.apikey;

import java.util.List;
import org.skillway.support.ProblemResponses;
import org.springframework.http.HttpStatus;
import org.springframework.security.authentication.BadCredentialsException;
import org.springframework.security.authentication.ReactiveAuthenticationManager;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.web.authentication.preauth.PreAuthenticatedAuthenticationToken;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Authenticates requests that carry an {@code X-API-Key} header; requests without one pass through.
 */
@Component
public class ApiKeyAuthentication {
  public static final String HEADER = "X-API-Key";
  private static final int MAX_KEY_LENGTH = 200;

  private final ApiKeyStore store;

  ApiKeyAuthentication(ApiKeyStore store) {
    this.store = store;
  }

  public AuthenticationWebFilter filter() {
    ReactiveAuthenticationManager byStoredKey =
        authentication -> {
          String key = (String) authentication.getCredentials();
          return store
              .findActive(key)
              .switchIfEmpty(Mono.error(new BadCredentialsException("unknown or revoked API key")))
              .map(
                  client ->
                      new PreAuthenticatedAuthenticationToken(
                          client,
                          null,
                          List.of(new SimpleGrantedAuthority(client.role().authority()))));
        };
    AuthenticationWebFilter filter = new AuthenticationWebFilter(byStoredKey);
    filter.setServerAuthenticationConverter(
        exchange -> {
          String key = exchange.getRequest().getHeaders().getFirst(HEADER);
          if (key == null || key.isBlank()) {
            return Mono.empty();
          }
          if (key.length() > MAX_KEY_LENGTH) {
            return Mono.error(new BadCredentialsException("API key too long"));
          }
          return Mono.just(new PreAuthenticatedAuthenticationToken(key.trim(), key.trim()));
        });
    filter.setAuthenticationFailureHandler(
        (webFilterExchange, exception) ->
            ProblemResponses.write(
                webFilterExchange.getExchange(),
                HttpStatus.UNAUTHORIZED,
                "Invalid API key",
                "The X-API-Key is unknown or has been revoked."));
    return filter;
  }
}
