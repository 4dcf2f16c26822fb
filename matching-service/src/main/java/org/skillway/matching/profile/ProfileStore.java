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

  /**
   * Forgets the profile at this version, unless a newer version is there: only the id, version and
   * partition stay, so an older event that arrives later is recognised and ignored. Returns what is
   * stored afterwards.
   */
  public Mono<StoredProfile> erase(String id, long version, int partition) {
    Update fields = new Update().set("partition", partition).unset("profile");
    return VersionedUpsert.apply(mongo, id, version, fields, StoredProfile.class);
  }

  /** The profiles (not the erased ones) on these partitions. */
  public Flux<StoredProfile> inPartitions(Set<Integer> partitions) {
    if (partitions.isEmpty()) {
      return Flux.empty();
    }
    return mongo.find(
        query(where("partition").in(partitions).and("profile").exists(true)), StoredProfile.class);
  }
}
