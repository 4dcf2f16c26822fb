package org.skillway.ingest.apikey;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.security.SecureRandom;
import java.time.Clock;
import java.util.Base64;
import org.skillway.support.Hashes;
import org.skillway.support.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * API keys: 256 random bits, shown once, stored as a SHA-256 hash (a fast hash is enough for a
 * value that cannot be guessed, and lets the key itself be the look-up), each scoped to one owner
 * and revocable.
 */
@Component
public class ApiKeyStore {
  private static final String PREFIX = "sw_";
  private static final int KEY_ID_LENGTH = 12;

  private final ReactiveMongoTemplate mongo;
  private final Clock clock;
  private final SecureRandom random = new SecureRandom();

  ApiKeyStore(ReactiveMongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /** A new key and its stored record; the plain key is never stored. */
  public record Issued(String plainKey, ApiKey key) {}

  /** The client behind a key, or empty when the key is unknown or revoked. */
  public Mono<ApiClient> findActive(String plainKey) {
    return mongo
        .findById(Hashes.sha256Hex(plainKey), ApiKey.class)
        .filter(key -> !key.revoked())
        .map(key -> new ApiClient(key.ownerId(), key.role()));
  }

  /** Makes a new key for {@code ownerId}. */
  public Mono<Issued> issue(String ownerId, Role role, String label) {
    byte[] secret = new byte[32];
    random.nextBytes(secret);
    String plain = PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    ApiKey key = record(plain, ownerId, role, label);
    return mongo.insert(key).map(stored -> new Issued(plain, stored));
  }

  /** Stores a given key (configured ones: demo and bootstrap keys); again, it changes nothing. */
  public Mono<Void> register(String plainKey, String ownerId, Role role) {
    return mongo
        .insert(record(plainKey, ownerId, role, "configured"))
        .onErrorResume(DuplicateKeyException.class, alreadyThere -> Mono.empty())
        .then();
  }

  /** An owner's keys, oldest first, revoked ones included. */
  public Flux<ApiKey> of(String ownerId) {
    return mongo.find(
        query(where("ownerId").is(ownerId)).with(Sort.by("createdAt").and(Sort.by("_id"))),
        ApiKey.class);
  }

  /**
   * Revokes a key at once.
   *
   * @param ownerId the owner it must belong to, or {@code null} for an operator acting on any
   * @return whether such a key was found
   */
  public Mono<Boolean> revoke(String keyId, String ownerId) {
    Criteria which = where("keyId").is(keyId);
    if (ownerId != null) {
      which = which.and("ownerId").is(ownerId);
    }
    return mongo
        .updateMulti(query(which), new Update().set("revoked", true), ApiKey.class)
        .map(result -> result.getMatchedCount() > 0);
  }

  private ApiKey record(String plainKey, String ownerId, Role role, String label) {
    String hash = Hashes.sha256Hex(plainKey);
    return new ApiKey(
        hash, hash.substring(0, KEY_ID_LENGTH), ownerId, role, label, clock.instant(), false);
  }
}
