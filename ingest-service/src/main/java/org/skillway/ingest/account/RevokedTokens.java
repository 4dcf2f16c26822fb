package org.skillway.ingest.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.time.Instant;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Tokens signed out before they expire, by token id. Entries are swept once expired (the MongoDB
 * wire server does not expire TTL indexes, so this does not rely on them).
 */
@Component
public class RevokedTokens {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(RevokedTokens.class);

  @Document("revoked_tokens")
  record Revoked(@Id String tokenId, Instant expiresAt) {}

  private final ReactiveMongoTemplate mongo;
  private final Clock clock;

  RevokedTokens(ReactiveMongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  Mono<Void> revoke(String tokenId, Instant expiresAt) {
    if (tokenId == null) {
      return Mono.empty();
    }
    return mongo
        .insert(new Revoked(tokenId, expiresAt))
        .then()
        .onErrorResume(DuplicateKeyException.class, already -> Mono.empty());
  }

  public Mono<Boolean> isRevoked(String tokenId) {
    return tokenId == null
        ? Mono.just(false)
        : mongo.exists(query(where("_id").is(tokenId)), Revoked.class);
  }

  @Scheduled(fixedDelayString = "PT10M")
  void sweep() {
    mongo
        .remove(query(where("expiresAt").lt(clock.instant())), Revoked.class)
        .subscribe(
            done -> {},
            // The next sweep tries again; an entry kept too long only refuses an expired token.
            failed -> LOG.warn("Sweeping signed-out tokens failed: {}", failed.toString()));
  }
}
