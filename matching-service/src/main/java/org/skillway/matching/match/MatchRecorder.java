package org.skillway.matching.match;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.skillway.events.EventType;
import org.skillway.events.MatchClosure;
import org.skillway.events.MatchData;
import org.skillway.events.WithdrawalReason;
import org.skillway.matching.metrics.MatchingMetrics;
import org.skillway.matching.profile.ProfileStore;
import org.skillway.support.EventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.util.retry.Retry;

/**
 * Keeps each match's state in MongoDB and publishes an event only when a match appears, changes
 * materially or disappears. Every change is a compare-and-set on the stored version
 * (single-document atomicity, no transactions), so two threads racing on one match make one change;
 * re-processing the same input finds nothing to change and publishes nothing.
 */
@Component
public class MatchRecorder {
  private static final int MAX_ATTEMPTS = 5;
  private static final int SEEN_MATCHED_LIMIT = 500_000;

  private final ReactiveMongoTemplate mongo;
  private final EventPublisher events;
  private final Clock clock;
  private final MeterRegistry meters;
  private final MatchingMetrics metrics;
  private final ProfileStore profiles;

  /**
   * People this instance has seen matched, so their first match is looked for once, not with every
   * new match; forgotten wholesale when large (it only saves a look-up).
   */
  private final Set<String> seenMatched = ConcurrentHashMap.newKeySet();

  MatchRecorder(
      ReactiveMongoTemplate mongo,
      EventPublisher events,
      Clock clock,
      MeterRegistry meters,
      MatchingMetrics metrics,
      ProfileStore profiles) {
    this.mongo = mongo;
    this.events = events;
    this.clock = clock;
    this.meters = meters;
    this.metrics = metrics;
    this.profiles = profiles;
  }

  /**
   * Records a current match: new, changed materially (by {@code materialChange} points or its
   * skills), or neither.
   */
  public Mono<Void> record(MatchData match, int materialChange) {
    return attempt(
        () ->
            mongo
                .findById(match.matchId(), StoredMatch.class)
                .flatMap(stored -> recordOver(stored, match, materialChange))
                .switchIfEmpty(
                    Mono.defer(
                        () ->
                            mongo
                                .insert(
                                    new StoredMatch(
                                        match.matchId(),
                                        match.profileId(),
                                        match.vacancyId(),
                                        match.employerId(),
                                        1,
                                        MatchStatus.ACTIVE,
                                        match,
                                        null,
                                        EventType.MATCH_FOUND,
                                        now(),
                                        false))
                                .flatMap(this::publish))));
  }

  private Mono<StoredMatch> recordOver(StoredMatch stored, MatchData match, int materialChange) {
    if (stored.status() == MatchStatus.WITHDRAWN) {
      return change(stored, MatchStatus.ACTIVE, match, null, EventType.MATCH_FOUND);
    }
    if (isMaterial(stored.match(), match, materialChange)) {
      return change(stored, MatchStatus.ACTIVE, match, null, EventType.MATCH_UPDATED);
    }
    return stored.published() ? Mono.just(stored) : publish(stored);
  }

  /** Withdraws a standing match, saying why; a match already withdrawn stays as it is. */
  public Mono<Void> withdraw(String matchId, WithdrawalReason reason) {
    return attempt(
        () ->
            mongo
                .findById(matchId, StoredMatch.class)
                .flatMap(
                    stored -> {
                      if (stored.status() == MatchStatus.WITHDRAWN) {
                        return stored.published() ? Mono.just(stored) : publish(stored);
                      }
                      MatchData last = stored.match();
                      MatchClosure closure =
                          new MatchClosure(
                              last.profileId(),
                              last.vacancyId(),
                              last.employerId(),
                              last.vacancyTitle(),
                              reason);
                      return change(
                          stored, MatchStatus.WITHDRAWN, last, closure, EventType.MATCH_WITHDRAWN);
                    }));
  }

  /**
   * Withdraws every match of an erased person and then deletes them all. Each withdrawal is
   * acknowledged by Kafka before any document goes (a pending event of an earlier attempt is
   * published first too), so no employer is left believing in a match nobody can withdraw any more.
   * A match recorded meanwhile by another thread is not deleted unannounced: the erasure fails, and
   * its redelivery withdraws and deletes it.
   */
  public Mono<Void> forgetProfile(String profileId, WithdrawalReason reason) {
    Query ofProfile = query(where("profileId").is(profileId));
    return mongo
        .find(ofProfile, StoredMatch.class)
        .concatMap(stored -> withdraw(stored.id(), reason))
        .then(
            mongo.remove(
                query(
                    where("profileId")
                        .is(profileId)
                        .and("status")
                        .is(MatchStatus.WITHDRAWN)
                        .and("published")
                        .is(true)),
                StoredMatch.class))
        .then(mongo.count(ofProfile, StoredMatch.class))
        .flatMap(
            left ->
                left == 0
                    ? Mono.<Void>empty()
                    : Mono.error(
                        new IllegalStateException(
                            left + " matches of an erased profile appeared while forgetting it")));
  }

  /** Every match of a profile, standing or withdrawn, best first. */
  public Flux<StoredMatch> ofProfile(String profileId) {
    return mongo.find(
        query(where("profileId").is(profileId))
            .with(Sort.by(Sort.Direction.DESC, "match.score").and(Sort.by("_id"))),
        StoredMatch.class);
  }

  /**
   * Standing matches of a profile ({@code field} = {@code profileId}) or a vacancy ({@code
   * vacancyId}).
   */
  public Flux<StoredMatch> active(String field, String id) {
    return mongo.find(
        query(where(field).is(id).and("status").is(MatchStatus.ACTIVE))
            .with(Sort.by(Sort.Direction.DESC, "match.score").and(Sort.by("_id"))),
        StoredMatch.class);
  }

  /**
   * Millisecond precision, as MongoDB stores it, so an event republished from the store is
   * byte-identical.
   */
  private java.time.Instant now() {
    return clock.instant().truncatedTo(java.time.temporal.ChronoUnit.MILLIS);
  }

  static boolean isMaterial(MatchData before, MatchData after, int materialChange) {
    return Math.abs(before.score() - after.score()) >= materialChange
        || !Set.copyOf(before.matchedSkills()).equals(Set.copyOf(after.matchedSkills()))
        || !Set.copyOf(before.missingSkills()).equals(Set.copyOf(after.missingSkills()));
  }

  private Mono<StoredMatch> change(
      StoredMatch stored,
      MatchStatus status,
      MatchData match,
      MatchClosure closure,
      EventType eventType) {
    StoredMatch next =
        new StoredMatch(
            stored.id(),
            stored.profileId(),
            stored.vacancyId(),
            stored.employerId(),
            stored.version() + 1,
            status,
            match,
            closure,
            eventType,
            now(),
            false);
    Update update =
        new Update()
            .set("version", next.version())
            .set("status", status)
            .set("match", match)
            .set("closure", closure)
            .set("eventType", eventType)
            .set("changedAt", next.changedAt())
            .set("published", false);
    return mongo
        .updateFirst(
            query(where("_id").is(stored.id()).and("version").is(stored.version())),
            update,
            StoredMatch.class)
        .flatMap(
            result ->
                result.getModifiedCount() == 1
                    ? publish(next)
                    : Mono.error(new ConcurrentChange(stored.id())));
  }

  private Mono<StoredMatch> publish(StoredMatch stored) {
    return events
        .publish(stored.toEvent())
        .then(
            mongo.updateFirst(
                query(where("_id").is(stored.id()).and("version").is(stored.version())),
                Update.update("published", true),
                StoredMatch.class))
        .doOnSuccess(
            done -> {
              meters
                  .counter("skillway.matches.published", "type", stored.eventType().wireName())
                  .increment();
              if (stored.status() != MatchStatus.WITHDRAWN) {
                metrics.matchPublished(stored.match().score());
              }
            })
        .then(Mono.defer(() -> firstMatch(stored)))
        .thenReturn(stored);
  }

  /** A person's first match ever is a match found for the first time (version 1). */
  private Mono<Void> firstMatch(StoredMatch stored) {
    if (stored.eventType() != EventType.MATCH_FOUND
        || stored.version() != 1
        || !seenMatched.add(stored.profileId())) {
      return Mono.empty();
    }
    if (seenMatched.size() > SEEN_MATCHED_LIMIT) {
      seenMatched.clear();
    }
    return profiles
        .firstMatched(stored.profileId(), stored.changedAt())
        .doOnNext(metrics::firstMatch)
        .then()
        // A measurement, never a reason to redo the match.
        .onErrorResume(failure -> Mono.empty());
  }

  /** Retries when another thread changed the same match in between, or inserted it first. */
  private Mono<Void> attempt(java.util.function.Supplier<Mono<StoredMatch>> work) {
    return Mono.defer(work)
        .retryWhen(
            Retry.max(MAX_ATTEMPTS)
                .filter(e -> e instanceof ConcurrentChange || e instanceof DuplicateKeyException))
        .then();
  }

  private static final class ConcurrentChange extends RuntimeException {
    ConcurrentChange(String matchId) {
      super("match " + matchId + " changed concurrently", null, false, false);
    }
  }
}
