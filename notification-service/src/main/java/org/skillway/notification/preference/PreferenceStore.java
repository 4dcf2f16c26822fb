package org.skillway.notification.preference;

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

  public Mono<Preferences> save(Preferences preferences) {
    return mongo.save(preferences);
  }
}
