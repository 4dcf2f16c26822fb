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
