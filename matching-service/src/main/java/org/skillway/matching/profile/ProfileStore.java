package org.skillway.matching.profile;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.Set;
import org.bson.Document;
import org.skillway.matching.persistence.VersionedUpsert;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
public class ProfileStore {
  private static final String REGISTERED_AT = "registeredAt";
  private static final String FIRST_MATCH_AT = "firstMatchAt";
  private final ReactiveMongoTemplate mongo;

  public ProfileStore(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * Stores the profile unless a newer version, or the erasure of this or a later version, is there;
   * returns what is stored afterwards (a profile without data when it has been erased).
   *
   * @param submittedAt when this version was submitted: for version 1, when the person registered
   *     (kept to measure the time to their first match)
   */
  public Mono<StoredProfile> apply(StoredProfile profile, Instant submittedAt) {
    Update fields =
        new Update().set("partition", profile.partition()).set("profile", profile.profile());
    if (profile.version() == 1) {
      fields.setOnInsert(REGISTERED_AT, submittedAt);
    }
    return mongo
        .findById(profile.id(), ProfileTombstone.class)
        .filter(tombstone -> tombstone.version() >= profile.version())
        .map(
            tombstone ->
                new StoredProfile(profile.id(), tombstone.version(), profile.partition(), null))
        .switchIfEmpty(
            Mono.defer(
                () ->
                    VersionedUpsert.apply(
                        mongo, profile.id(), profile.version(), fields, StoredProfile.class)));
  }

  /**
   * Forgets the profile as of this version, unless a newer version is stored: the tombstone is
   * written first, then the profile deleted, so a crash in between is finished by the event's
   * redelivery.
   *
   * @return whether the profile is erased (false if a newer version of it stands)
   */
  public Mono<Boolean> erase(String id, long version) {
    return VersionedUpsert.apply(mongo, id, version, new Update(), ProfileTombstone.class)
        .then(
            mongo.remove(
                query(where("_id").is(id).and("version").lte(version)), StoredProfile.class))
        .then(mongo.exists(query(where("_id").is(id)), StoredProfile.class))
        .map(newerStands -> !newerStands);
  }

  /**
   * Notes that the person has their first match, once: the time since they registered, or nothing
   * if they had a match before or registered before this store kept the time. The two times go with
   * the profile when it is erased.
   */
  public Mono<Duration> firstMatched(String id, Instant now) {
    return mongo
        .findAndModify(
            query(
                where("_id")
                    .is(id)
                    .and(REGISTERED_AT)
                    .exists(true)
                    .and(FIRST_MATCH_AT)
                    .exists(false)),
            Update.update(FIRST_MATCH_AT, now),
            Document.class,
            "profiles")
        .map(before -> Duration.between(before.getDate(REGISTERED_AT).toInstant(), now));
  }

  /** The profile as stored; none once erased. */
  public Mono<StoredProfile> find(String id) {
    return mongo.findById(id, StoredProfile.class);
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
