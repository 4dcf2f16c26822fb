package org.skillway.matching.profile;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.bson.Document;
import org.skillway.matching.persistence.VersionedUpsert;
import org.skillway.support.BulkRefusals;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
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

  /** A profile version to store, and when it was submitted (see {@link #apply}). */
  public record Submission(StoredProfile profile, Instant submittedAt) {}

  /**
   * Stores a batch of profile versions as {@link #apply} stores one, in three round trips whatever
   * the batch's size: one read of the (few) tombstones among them, one unordered bulk of versioned
   * upserts, and a read of only those the bulk refused because an equal or newer version stands. Of
   * several versions of one profile in the batch only the newest is written (it supersedes the
   * rest), keeping the registration time of its first.
   *
   * @return what is stored afterwards, one per distinct profile, in the order of their first
   *     appearance (erased ones without data)
   */
  public Flux<StoredProfile> applyAll(List<Submission> batch) {
    Map<String, Submission> newest = new LinkedHashMap<>();
    Map<String, Instant> registered = new HashMap<>();
    for (Submission submission : batch) {
      StoredProfile profile = submission.profile();
      if (profile.version() == 1) {
        registered.put(profile.id(), submission.submittedAt());
      }
      newest.merge(
          profile.id(),
          submission,
          (kept, next) -> next.profile().version() > kept.profile().version() ? next : kept);
    }
    if (newest.isEmpty()) {
      return Flux.empty();
    }
    return mongo
        .find(query(where("_id").in(newest.keySet())), ProfileTombstone.class)
        .collectMap(ProfileTombstone::id, ProfileTombstone::version)
        .flatMapMany(
            tombstones -> {
              List<StoredProfile> toWrite = new ArrayList<>();
              Map<String, StoredProfile> result = new LinkedHashMap<>();
              for (Submission submission : newest.values()) {
                StoredProfile profile = submission.profile();
                Long erasedAt = tombstones.get(profile.id());
                if (erasedAt != null && erasedAt >= profile.version()) {
                  result.put(
                      profile.id(),
                      new StoredProfile(profile.id(), erasedAt, profile.partition(), null));
                } else {
                  toWrite.add(profile);
                  result.put(profile.id(), profile);
                }
              }
              return upsertAll(toWrite, registered)
                  .flatMapMany(Flux::fromIterable)
                  .concatMap(refused -> mongo.findById(refused, StoredProfile.class))
                  .doOnNext(stored -> result.put(stored.id(), stored))
                  .thenMany(Flux.defer(() -> Flux.fromIterable(result.values())));
            });
  }

  /**
   * @return the ids whose upsert was refused: an equal or newer version is stored
   */
  private Mono<List<String>> upsertAll(
      List<StoredProfile> profiles, Map<String, Instant> registered) {
    if (profiles.isEmpty()) {
      return Mono.just(List.of());
    }
    ReactiveBulkOperations bulk =
        mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredProfile.class);
    for (StoredProfile profile : profiles) {
      Update fields =
          new Update()
              .set("partition", profile.partition())
              .set("profile", profile.profile())
              .set("version", profile.version());
      Instant at = registered.get(profile.id());
      if (at != null) {
        fields.setOnInsert(REGISTERED_AT, at);
      }
      bulk.upsert(
          query(where("_id").is(profile.id()).and("version").lt(profile.version())), fields);
    }
    return bulk.execute()
        .thenReturn(List.<String>of())
        .onErrorResume(
            BulkRefusals::onlyDuplicates,
            refused ->
                Mono.just(
                    BulkRefusals.of(refused).orElseThrow().stream()
                        .map(e -> profiles.get(e.getIndex()).id())
                        .toList()));
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
