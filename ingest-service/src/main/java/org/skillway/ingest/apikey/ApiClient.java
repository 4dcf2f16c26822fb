package org.skillway.ingest.apikey;

import org.skillway.support.Role;
import org.springframework.security.core.AuthenticatedPrincipal;

/**
 * The authenticated caller behind an API key: an employer, a university or an operator. As an
 * {@link AuthenticatedPrincipal} it is named by its owner, which is how the audit trail and the
 * shared security rules know who calls. {@link ApiClients#of} gives the same for a bearer token.
 */
public record ApiClient(String ownerId, Role role) implements AuthenticatedPrincipal {
  @Override
  public String getName() {
    return ownerId;
  }
}
