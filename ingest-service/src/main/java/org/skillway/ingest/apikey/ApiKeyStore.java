package org.skillway.ingest.apikey;

import java.time.Clock;
import org.skillway.support.Role;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
public class ApiKeyStore {
  private final ReactiveMongoTemplate mongo;
  private final Clock clock;

  ApiKeyStore(ReactiveMongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /** The client behind a key, or empty when the key is unknown or revoked. */
  public Mono<ApiClient> findActive(String plainKey) {
    return mongo
        .findById(ApiKeyHashes.sha256(plainKey), ApiKey.class)
        .filter(key -> !key.revoked())
        .map(key -> new ApiClient(key.ownerId(), key.role()));
  }

  /** Stores a key; storing the same key again changes nothing. */
  public Mono<Void> register(String plainKey, String ownerId, Role role) {
    return mongo
        .insert(new ApiKey(ApiKeyHashes.sha256(plainKey), ownerId, role, clock.instant(), false))
        .onErrorResume(DuplicateKeyException.class, alreadyThere -> Mono.empty())
        .then();
  }
}
