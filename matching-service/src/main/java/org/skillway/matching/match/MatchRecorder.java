package org.skillway.matching.match;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.skillway.events.EventType;
import org.skillway.events.MatchClosure;
import org.skillway.events.MatchData;
import org.skillway.events.WithdrawalReason;
import org.skillway.matching.metrics.MatchingMetrics;
import org.skillway.matching.profile.ProfileStore;
import org.skillway.support.BulkRefusals;
import org.skillway.support.EventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveBulkOperations;
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
  private final MatchLedger ledger;

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
      ProfileStore profiles,
      MatchLedger ledger) {
    this.ledger = ledger;
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
                                .insert(StoredMatch.found(match, now()))
                                .doOnNext(inserted -> ledger.put(entryOf(inserted)))
                                .flatMap(this::publish))));
  }

  private Mono<StoredMatch> recordOver(StoredMatch stored, MatchData match, int materialChange) {
    if (stored.status() == MatchStatus.WITHDRAWN) {
      return change(stored, MatchStatus.ACTIVE, match, null, EventType.MATCH_FOUND);
    }
    if (isMaterial(stored.match(), match, materialChange)) {
      return change(stored, MatchStatus.ACTIVE, match, null, EventType.MATCH_UPDATED);
    }
    ledger.put(entryOf(stored));
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
        .then(Mono.fromRunnable(() -> ledger.forgetProfile(profileId)))
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

  /** A standing match that no longer holds, and why. */
  public record Gone(MatchLedger.Entry entry, WithdrawalReason reason) {}

  /**
   * Records many matches at once, the way {@link #record} and {@link #withdraw} record one: the
   * matches that hold now ({@code current}) and the standing ones that no longer do ({@code gone}).
   * What changed is worked out from the {@link MatchLedger}, without reading the store; every
   * change is written in one unordered bulk of inserts and version compare-and-sets, its events are
   * handed to Kafka together and awaited together, and the published flags are set in one more
   * bulk. Should the store disagree with the ledger (another thread or instance wrote first, or an
   * earlier attempt stopped half way), every match of the batch is recorded again one by one from
   * the store, which is always right, so nothing is lost or told twice.
   */
  public Mono<Void> recordAll(List<MatchData> current, List<Gone> gone, int materialChange) {
    Instant now = now();
    List<StoredMatch> inserts = new ArrayList<>();
    List<StoredMatch> changes = new ArrayList<>();
    List<String> unpublished = new ArrayList<>();
    for (MatchData match : current) {
      MatchLedger.Entry entry = ledger.get(match.profileId(), match.vacancyId());
      if (entry == null) {
        inserts.add(StoredMatch.found(match, now));
      } else if (entry.status() == MatchStatus.WITHDRAWN) {
        changes.add(next(entry, MatchStatus.ACTIVE, match, null, EventType.MATCH_FOUND, now));
      } else if (isMaterial(entry, match, materialChange)) {
        changes.add(next(entry, MatchStatus.ACTIVE, match, null, EventType.MATCH_UPDATED, now));
      } else if (!entry.published()) {
        unpublished.add(entry.matchId());
      }
    }
    for (Gone g : gone) {
      MatchLedger.Entry entry = ledger.get(g.entry().profileId(), g.entry().vacancyId());
      if (entry == null) {
        continue;
      }
      if (entry.status() == MatchStatus.ACTIVE) {
        MatchClosure closure =
            new MatchClosure(
                entry.profileId(),
                entry.vacancyId(),
                entry.employerId(),
                entry.vacancyTitle(),
                g.reason());
        // The last match stays stored as it was, to show what was withdrawn.
        changes.add(
            next(entry, MatchStatus.WITHDRAWN, null, closure, EventType.MATCH_WITHDRAWN, now));
      } else if (!entry.published()) {
        unpublished.add(entry.matchId());
      }
    }
    if (inserts.isEmpty() && changes.isEmpty() && unpublished.isEmpty()) {
      return Mono.empty();
    }
    Mono<Void> oneByOne =
        Flux.fromIterable(current)
            .concatMap(match -> record(match, materialChange))
            .thenMany(
                Flux.fromIterable(gone).concatMap(g -> withdraw(g.entry().matchId(), g.reason())))
            .then();
    return write(inserts, changes)
        .flatMap(
            allWritten -> {
              if (!allWritten) {
                return oneByOne;
              }
              List<StoredMatch> written = new ArrayList<>(inserts);
              written.addAll(changes);
              written.forEach(stored -> ledger.put(entryOf(stored)));
              return unpublished(unpublished)
                  .collectList()
                  .flatMap(
                      pending -> {
                        written.addAll(pending);
                        return publishAll(written);
                      });
            });
  }

  /**
   * Writes the inserts and compare-and-set updates in one unordered bulk.
   *
   * @return whether every one of them was written (false: the ledger was stale somewhere)
   */
  private Mono<Boolean> write(List<StoredMatch> inserts, List<StoredMatch> changes) {
    if (inserts.isEmpty() && changes.isEmpty()) {
      return Mono.just(true);
    }
    ReactiveBulkOperations bulk =
        mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredMatch.class);
    if (!inserts.isEmpty()) {
      bulk.insert(inserts);
    }
    for (StoredMatch next : changes) {
      Update update =
          new Update()
              .set("version", next.version())
              .set("status", next.status())
              .set("closure", next.closure())
              .set("eventType", next.eventType())
              .set("changedAt", next.changedAt())
              .set("published", false);
      if (next.match() != null) {
        update.set("match", next.match());
      }
      bulk.updateOne(
          query(where("_id").is(next.id()).and("version").is(next.version() - 1)), update);
    }
    return bulk.execute()
        .map(
            result ->
                result.getInsertedCount() == inserts.size()
                    && result.getModifiedCount() == changes.size())
        .onErrorResume(
            failure ->
                failure instanceof DuplicateKeyException || BulkRefusals.onlyDuplicates(failure),
            stale -> Mono.just(false));
  }

  /** Matches whose last change was stored but whose event an earlier attempt did not publish. */
  private Flux<StoredMatch> unpublished(List<String> matchIds) {
    if (matchIds.isEmpty()) {
      return Flux.empty();
    }
    return mongo.find(
        query(where("_id").in(matchIds).and("published").is(false)), StoredMatch.class);
  }

  /**
   * Publishes the events of these stored versions together, awaits them all, then sets their
   * published flags in one bulk.
   */
  private Mono<Void> publishAll(List<StoredMatch> written) {
    if (written.isEmpty()) {
      return Mono.empty();
    }
    ReactiveBulkOperations flags =
        mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, StoredMatch.class);
    for (StoredMatch stored : written) {
      flags.updateOne(
          query(where("_id").is(stored.id()).and("version").is(stored.version())),
          Update.update("published", true));
    }
    return events
        .publishTogether(written.stream().map(StoredMatch::toEvent).toList())
        .then(flags.execute())
        .then(
            Mono.defer(
                () -> {
                  for (StoredMatch stored : written) {
                    ledger.put(entryOf(stored).published(true));
                    counted(stored);
                  }
                  return Flux.fromIterable(written).flatMap(this::firstMatch, 8).then();
                }));
  }

  /**
   * Loads into the ledger every match of these profiles, in one pass over the store (reading only
   * the fields the ledger keeps).
   */
  public Mono<Void> loadLedger(Set<String> profileIds) {
    if (profileIds.isEmpty()) {
      return Mono.empty();
    }
    Query all = new Query();
    all.fields()
        .include(
            "profileId",
            "vacancyId",
            "employerId",
            "version",
            "status",
            "published",
            "match.vacancyTitle",
            "match.score",
            "match.matchedSkills",
            "match.missingSkills");
    return mongo
        .find(all, org.bson.Document.class, "matches")
        .filter(doc -> profileIds.contains(doc.getString("profileId")))
        .doOnNext(doc -> ledger.put(entryOf(doc)))
        .then();
  }

  private static MatchLedger.Entry entryOf(org.bson.Document doc) {
    org.bson.Document match = doc.get("match", org.bson.Document.class);
    return new MatchLedger.Entry(
        doc.getString("profileId"),
        doc.getString("vacancyId"),
        doc.getString("employerId"),
        match == null ? null : match.getString("vacancyTitle"),
        ((Number) doc.get("version")).longValue(),
        MatchStatus.valueOf(doc.getString("status")),
        Boolean.TRUE.equals(doc.getBoolean("published")),
        match == null || match.get("score") == null ? 0 : ((Number) match.get("score")).intValue(),
        match == null
            ? 0
            : MatchLedger.skillsDigest(
                match.getList("matchedSkills", String.class, List.of()),
                match.getList("missingSkills", String.class, List.of())));
  }

  /** The ledger's entry for a stored version (a withdrawal keeps the last match's facts). */
  private MatchLedger.Entry entryOf(StoredMatch stored) {
    MatchData last = stored.match();
    MatchLedger.Entry before = ledger.get(stored.profileId(), stored.vacancyId());
    int score = last != null ? last.score() : before == null ? 0 : before.score();
    long skills =
        last != null
            ? MatchLedger.skillsDigest(last.matchedSkills(), last.missingSkills())
            : before == null ? 0 : before.skills();
    String title =
        last != null
            ? last.vacancyTitle()
            : stored.closure() != null ? stored.closure().vacancyTitle() : null;
    return new MatchLedger.Entry(
        stored.profileId(),
        stored.vacancyId(),
        stored.employerId(),
        title,
        stored.version(),
        stored.status(),
        stored.published(),
        score,
        skills);
  }

  private static StoredMatch next(
      MatchLedger.Entry entry,
      MatchStatus status,
      MatchData match,
      MatchClosure closure,
      EventType eventType,
      Instant now) {
    return new StoredMatch(
        entry.matchId(),
        entry.profileId(),
        entry.vacancyId(),
        entry.employerId(),
        entry.version() + 1,
        status,
        match,
        closure,
        eventType,
        now,
        false);
  }

  static boolean isMaterial(MatchLedger.Entry before, MatchData after, int materialChange) {
    return Math.abs(before.score() - after.score()) >= materialChange
        || before.skills()
            != MatchLedger.skillsDigest(after.matchedSkills(), after.missingSkills());
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
            result -> {
              if (result.getModifiedCount() != 1) {
                return Mono.error(new ConcurrentChange(stored.id()));
              }
              ledger.put(entryOf(next));
              return publish(next);
            });
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
              ledger.put(entryOf(stored).published(true));
              counted(stored);
            })
        .then(Mono.defer(() -> firstMatch(stored)))
        .thenReturn(stored);
  }

  private void counted(StoredMatch stored) {
    meters.counter("skillway.matches.published", "type", stored.eventType().wireName()).increment();
    if (stored.status() != MatchStatus.WITHDRAWN) {
      metrics.matchPublished(stored.match().score());
    }
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
