package org.skillway.ingest.apikey;

import org.skillway.support.Role;
import org.springframework.security.core.AuthenticatedPrincipal;
import org.springframework.security.core.Authentication;

/**
 * The authenticated caller behind an API key: an employer, a university or an operator. As an
 * {@link AuthenticatedPrincipal} it is named by its owner, which is how the audit trail and the
 * shared security rules know who calls.
 */
public record ApiClient(String ownerId, Role role) implements AuthenticatedPrincipal {
  @Override
  public String getName() {
    return ownerId;
  }

  /** The owner a request acts for: the API key's owner, or a bearer token's subject. */
  public static String ownerOf(Authentication authentication) {
    return authentication.getPrincipal() instanceof ApiClient client
        ? client.ownerId()
        : authentication.getName();
  }
}
