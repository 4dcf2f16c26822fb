package org.skillway.ingest.account;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A student's credentials. The id is the profile id, the identity their tokens carry.
 *
 * @param email lower-cased; unique
 * @param passwordHash from the delegating password encoder, prefixed with its algorithm
 */
@Document("accounts")
record Account(@Id String id, String email, String passwordHash, Instant createdAt) {}
