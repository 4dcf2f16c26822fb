package org.skillway.ingest.apikey;

import org.skillway.support.Role;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.GrantedAuthority;

/**
 * The employer, university or operator behind a request, whichever credential it carries: its API
 * key, or the bearer token it exchanged the key for ({@code POST /api/v1/tokens}). A key's
 * principal is an {@link ApiClient}; a token's is the token itself, whose subject is the owner and
 * whose role claim is the key's role, so both give the same {@link ApiClient}.
 */
public final class ApiClients {
  private static final String ROLE_PREFIX = "ROLE_";

  private ApiClients() {}

  public static ApiClient of(Authentication caller) {
    if (caller.getPrincipal() instanceof ApiClient client) {
      return client;
    }
    return new ApiClient(caller.getName(), role(caller));
  }

  /** Whether the request carried an API key itself, not a bearer token. */
  public static boolean byApiKey(Authentication caller) {
    return caller.getPrincipal() instanceof ApiClient;
  }

  private static Role role(Authentication caller) {
    return caller.getAuthorities().stream()
        .map(GrantedAuthority::getAuthority)
        .filter(a -> a != null && a.startsWith(ROLE_PREFIX))
        .map(a -> Role.valueOf(a.substring(ROLE_PREFIX.length())))
        .findFirst()
        .orElse(null);
  }
}
