package org.skillway.ingest.organisation;

import java.time.Instant;
import org.skillway.support.Role;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * An employer or university as this service keeps it.
 *
 * @param id the owner id of its API keys
 * @param displayName trimmed and checked ({@link DisplayName}); {@code null} until it sets one
 */
@Document("organisations")
record StoredOrganisation(@Id String id, Role role, String displayName, Instant updatedAt) {}
