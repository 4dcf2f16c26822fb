package org.skillway.ingest.apikey;

import org.skillway.support.Role;

/** The authenticated caller behind an API key: an employer or a university. */
public record ApiClient(String ownerId, Role role) {}
