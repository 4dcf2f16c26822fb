package org.skillway.ingest.apikey;

import org.skillway.support.SecurityDefaults;
import org.springframework.security.core.Authentication;

/**
 * The employer, university or operator behind a request, whichever credential it carries: its API
 * key, or the bearer token it exchanged the key for ({@code POST /api/v1/tokens}). A key's
 * principal is an {@link ApiClient}; a token's is the token itself, whose subject is the owner and
 * whose role claim is the key's role, so both give the same {@link ApiClient}.
 */
public final class ApiClients {
  private ApiClients() {}

  public static ApiClient of(Authentication caller) {
    if (caller.getPrincipal() instanceof ApiClient client) {
      return client;
    }
    return new ApiClient(caller.getName(), SecurityDefaults.roleOf(caller).orElse(null));
  }

  /** Whether the request carried an API key itself, not a bearer token. */
  public static boolean byApiKey(Authentication caller) {
    return caller.getPrincipal() instanceof ApiClient;
  }
}
