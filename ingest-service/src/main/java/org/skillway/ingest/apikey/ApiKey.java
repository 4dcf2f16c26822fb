package org.skillway.ingest.apikey;

import java.time.Instant;
import org.skillway.support.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored API key. Only the hash is kept: the plain key is shown once, when it is made.
 *
 * @param id the SHA-256 hash of the plain key (hex), so a look-up is one indexed read
 */
@Document("api_keys")
public record ApiKey(
    @Id String id, String ownerId, Role role, Instant createdAt, boolean revoked) {}
