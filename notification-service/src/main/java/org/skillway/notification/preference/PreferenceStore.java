package org.skillway.notification.preference;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
public class PreferenceStore {
  private final ReactiveMongoTemplate mongo;

  PreferenceStore(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** The person's choices, or the defaults (in-app only) if they have made none. */
  public Mono<Preferences> of(String profileId) {
    return mongo
        .findById(profileId, Preferences.class)
        .defaultIfEmpty(Preferences.defaults(profileId));
  }

  /** Each person's choices, the defaults for those who made none: one look-up for them all. */
  public Mono<java.util.Map<String, Preferences>> ofAll(java.util.Collection<String> profileIds) {
    if (profileIds.isEmpty()) {
      return Mono.just(java.util.Map.of());
    }
    return mongo
        .find(
            org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").in(profileIds)),
            Preferences.class)
        .collectMap(Preferences::profileId)
        .map(
            stored -> {
              java.util.Map<String, Preferences> all = new java.util.HashMap<>(stored);
              profileIds.forEach(id -> all.computeIfAbsent(id, Preferences::defaults));
              return all;
            });
  }

  /** The person's stored choices, if they made any. */
  public Mono<Preferences> stored(String profileId) {
    return mongo.findById(profileId, Preferences.class);
  }

  /** Deletes an erased person's choices, their e-mail address and any unsubscribe with them. */
  public Mono<Void> forget(String profileId) {
    return mongo.remove(query(where("_id").is(profileId)), Preferences.class).then();
  }

  public Mono<Preferences> save(Preferences preferences) {
    return mongo.save(preferences);
  }
}
