package org.skillway.notification.privacy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Instant;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** The tombstones of erased people. */
@Component
public class ErasedProfiles {
  private final ReactiveMongoTemplate mongo;

  ErasedProfiles(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  public Mono<Boolean> isErased(String profileId) {
    return mongo.exists(query(where("_id").is(profileId)), ErasedProfile.class);
  }

  /** Which of these people are erased: one look-up by id for them all. */
  public Mono<java.util.Set<String>> erasedAmong(java.util.Collection<String> profileIds) {
    if (profileIds.isEmpty()) {
      return Mono.just(java.util.Set.of());
    }
    return mongo
        .find(query(where("_id").in(profileIds)), ErasedProfile.class)
        .map(ErasedProfile::profileId)
        .collect(java.util.stream.Collectors.toSet());
  }

  /** Records the erasure once; a replay keeps the first time. */
  Mono<Void> record(String profileId, Instant at) {
    return mongo
        .upsert(
            query(where("_id").is(profileId)),
            new Update().setOnInsert("erasedAt", at),
            ErasedProfile.class)
        .then();
  }
}
