package org.skillway.matching.profile;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.Set;
import org.skillway.matching.persistence.VersionedUpsert;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
public class ProfileStore {
  private final ReactiveMongoTemplate mongo;

  public ProfileStore(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Stores the profile unless a newer version is there; returns what is stored afterwards. */
  public Mono<StoredProfile> apply(StoredProfile profile) {
    Update fields =
        new Update().set("partition", profile.partition()).set("profile", profile.profile());
    return VersionedUpsert.apply(
        mongo, profile.id(), profile.version(), fields, StoredProfile.class);
  }

  public Flux<StoredProfile> inPartitions(Set<Integer> partitions) {
    if (partitions.isEmpty()) {
      return Flux.empty();
    }
    return mongo.find(query(where("partition").in(partitions)), StoredProfile.class);
  }
}
