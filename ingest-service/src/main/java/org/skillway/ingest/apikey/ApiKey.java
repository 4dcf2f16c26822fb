package org.skillway.ingest.apikey;

import java.time.Instant;
import org.skillway.support.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A stored API key. Only the hash is kept: the plain key is shown once, when it is made.
 *
 * @param id the SHA-256 hash of the plain key (hex), so a look-up is one indexed read
 * @param keyId the first 12 characters of the hash: how owners and operators name the key
 * @param label what the owner calls it, such as {@code HR system}
 */
@Document("api_keys")
public record ApiKey(
    @Id String id,
    String keyId,
    String ownerId,
    Role role,
    String label,
    Instant createdAt,
    boolean revoked) {}
