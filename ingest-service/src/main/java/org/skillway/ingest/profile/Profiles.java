package org.skillway.ingest.profile;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import org.skillway.events.EventMetadata;
import org.skillway.events.ProfileErased;
import org.skillway.events.ProfileErasure;
import org.skillway.events.ProfileSubmitted;
import org.skillway.events.Topic;
import org.skillway.ingest.system.VersionedReplace;
import org.skillway.support.ApiProblemException;
import org.skillway.support.EventPublisher;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Creates, replaces and erases profiles. Each change is stored and published as one versioned
 * event; the caller hears of success only once Kafka holds the event, and a change whose event
 * could not be published is undone, so the store and the topic never disagree for long.
 */
@Component
public class Profiles {

  private final ReactiveMongoTemplate mongo;
  private final EventPublisher events;
  private final Clock clock;

  Profiles(ReactiveMongoTemplate mongo, EventPublisher events, Clock clock) {
    this.mongo = mongo;
    this.events = events;
    this.clock = clock;
  }

  public Mono<StoredProfile> find(String id) {
    return mongo.findById(id, StoredProfile.class);
  }

  /** The stored profiles among {@code ids}, by id. */
  public Mono<java.util.Map<String, StoredProfile>> findAll(java.util.Collection<String> ids) {
    return reactor.core.publisher.Flux.fromIterable(
            org.skillway.support.Batches.of(ids, org.skillway.support.Batches.IN_LIST))
        .flatMap(some -> mongo.find(query(where("_id").in(some)), StoredProfile.class), 2)
        .collectMap(StoredProfile::id);
  }

  /**
   * Publishes a batch of new versions: returns once Kafka has acknowledged them all, or throws. For
   * bulk loads, where a retry of the whole batch is harmless because a version Kafka already holds
   * is ignored by every consumer. Blocking: call it from a worker thread.
   */
  public void publishAll(List<StoredProfile> batch) {
    if (!batch.isEmpty()) {
      events.publishAll(
          batch.stream()
              .map(
                  p ->
                      new ProfileSubmitted(
                          EventMetadata.next(p.id(), p.version(), clock.instant()),
                          p.profile().matchable()))
              .toList());
    }
  }

  /** Stores a batch already published (see {@link #publishAll}), replacing older versions. */
  public Mono<Void> storeAll(List<StoredProfile> batch) {
    if (batch.isEmpty()) {
      return Mono.empty();
    }
    var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredProfile.class);
    for (StoredProfile p : batch) {
      bulk.replaceOne(query(where("_id").is(p.id())), p, FindAndReplaceOptions.options().upsert());
    }
    return bulk.execute().then();
  }

  /** Stores version 1 and publishes it; if publishing fails, the stored profile is removed. */
  public Mono<StoredProfile> create(String id, Profile profile) {
    StoredProfile stored = new StoredProfile(id, 1, profile, clock.instant());
    return mongo
        .insert(stored)
        .flatMap(
            inserted ->
                events
                    .publish(
                        new ProfileSubmitted(
                            EventMetadata.next(id, 1, clock.instant()), profile.matchable()))
                    .onErrorResume(
                        failed ->
                            mongo
                                .remove(
                                    query(where("_id").is(id).and("version").is(1)),
                                    StoredProfile.class)
                                .then(Mono.error(failed)))
                    .thenReturn(inserted));
  }

  /**
   * Replaces the profile with the next version. Two changes at once cannot both win: the second
   * gets 409 and may retry. What a university vouched for stays evidenced ({@link
   * Profile#keepingEvidenceOf}).
   */
  public Mono<StoredProfile> replace(String id, Profile changed) {
    return find(id)
        .switchIfEmpty(Mono.error(notFound()))
        .flatMap(
            current -> {
              Profile profile = changed.keepingEvidenceOf(current.profile());
              long next = current.version() + 1;
              StoredProfile replacement = new StoredProfile(id, next, profile, clock.instant());
              return swap(id, current.version(), replacement)
                  .flatMap(
                      swapped ->
                          events
                              .publish(
                                  new ProfileSubmitted(
                                      EventMetadata.next(id, next, clock.instant()),
                                      profile.matchable()))
                              .onErrorResume(
                                  failed -> swap(id, next, current).then(Mono.error(failed)))
                              .thenReturn(replacement));
            });
  }

  /**
   * Publishes the erasure, then forgets the profile. If publishing fails, nothing is forgotten and
   * the caller may retry; if forgetting fails after that, a retry publishes a harmless second
   * erasure.
   */
  public Mono<Void> erase(String id, String reason) {
    return find(id)
        .switchIfEmpty(Mono.error(notFound()))
        .flatMap(
            current ->
                events
                    .publish(
                        new ProfileErased(
                            EventMetadata.next(id, current.version() + 1, clock.instant()),
                            new ProfileErasure(reason)))
                    // Then a tombstone, so compaction forgets every event of this profile.
                    .then(events.publishTombstone(Topic.PROFILES, id))
                    .then(mongo.remove(query(where("_id").is(id)), StoredProfile.class))
                    .then());
  }

  private Mono<StoredProfile> swap(String id, long expectedVersion, StoredProfile next) {
    return VersionedReplace.replace(mongo, id, expectedVersion, next, "profile");
  }

  public static ApiProblemException notFound() {
    return new ApiProblemException(HttpStatus.NOT_FOUND, "There is no such profile.", List.of());
  }
}
