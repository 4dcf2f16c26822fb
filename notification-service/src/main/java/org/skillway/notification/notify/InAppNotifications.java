package org.skillway.notification.notify;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import java.util.List;
import org.skillway.events.MatchClosure;
import org.skillway.events.MatchData;
import org.skillway.events.MatchEvent;
import org.skillway.events.MatchFound;
import org.skillway.events.MatchUpdated;
import org.skillway.events.MatchWithdrawn;
import org.skillway.support.BulkRefusals;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
public class InAppNotifications implements ApplicationRunner {
  static final String CHANNEL = "IN_APP";

  private final ReactiveMongoTemplate mongo;
  private final Clock clock;
  private final Counter delivered;
  private final Counter duplicates;
  private final SkillNames skillNames;

  InAppNotifications(
      ReactiveMongoTemplate mongo, Clock clock, MeterRegistry meters, SkillNames skillNames) {
    this.skillNames = skillNames;
    this.mongo = mongo;
    this.clock = clock;
    this.delivered =
        Counter.builder("skillway.notifications.sent")
            .description("Notifications delivered")
            .tag("channel", "in_app")
            .register(meters);
    this.duplicates =
        Counter.builder("skillway.notifications.duplicates")
            .description("Redelivered match events that were not notified again")
            .tag("channel", "in_app")
            .register(meters);
  }

  /** Lists a person's notifications newest first. */
  @Override
  public void run(ApplicationArguments args) {
    mongo
        .indexOps(InAppNotification.class)
        .createIndex(
            new Index().on("profileId", Sort.Direction.ASC).on("createdAt", Sort.Direction.DESC))
        .block();
  }

  /** Stores the notification for this version of the match, unless it is already there. */
  public Mono<Void> notify(MatchEvent event) {
    return mongo
        .insert(notificationOf(event))
        .doOnSuccess(stored -> delivered.increment())
        .then()
        .onErrorResume(
            DuplicateKeyException.class,
            alreadyNotified -> {
              duplicates.increment();
              return Mono.empty();
            });
  }

  /**
   * Stores the notifications for these match events in one unordered bulk; those already there (a
   * redelivered event) are left as they are and counted as duplicates.
   */
  public Mono<Void> notifyAll(List<? extends MatchEvent> events) {
    if (events.isEmpty()) {
      return Mono.empty();
    }
    List<InAppNotification> notifications = events.stream().map(this::notificationOf).toList();
    return mongo
        .bulkOps(BulkOperations.BulkMode.UNORDERED, InAppNotification.class)
        .insert(notifications)
        .execute()
        .doOnNext(result -> delivered.increment(result.getInsertedCount()))
        .then()
        .onErrorResume(
            BulkRefusals::onlyDuplicates,
            some -> {
              int refused = BulkRefusals.of(some).orElseThrow().size();
              duplicates.increment(refused);
              delivered.increment(notifications.size() - refused);
              return Mono.empty();
            });
  }

  private InAppNotification notificationOf(MatchEvent event) {
    String id =
        event.metadata().aggregateId() + "#" + event.metadata().aggregateVersion() + "#" + CHANNEL;
    InAppNotification notification;
    // Java 17 has no pattern matching in switch; MatchEvent is sealed, so these three are all there
    // are.
    if (event instanceof MatchFound found) {
      notification = fromMatch(id, found, found.match(), NotificationText.title(found.match()));
    } else if (event instanceof MatchUpdated updated) {
      notification =
          fromMatch(id, updated, updated.match(), NotificationText.updatedTitle(updated.match()));
    } else {
      MatchClosure closure = ((MatchWithdrawn) event).closure();
      notification =
          new InAppNotification(
              id,
              event.type().wireName(),
              closure.profileId(),
              event.metadata().aggregateId(),
              closure.vacancyId(),
              NotificationText.withdrawnTitle(closure),
              NotificationText.withdrawnBody(closure),
              0,
              List.of(),
              List.of(),
              clock.instant(),
              false);
    }
    return notification;
  }

  private InAppNotification fromMatch(String id, MatchEvent event, MatchData match, String title) {
    return new InAppNotification(
        id,
        event.type().wireName(),
        match.profileId(),
        match.matchId(),
        match.vacancyId(),
        title,
        NotificationText.body(match, skillNames),
        match.score(),
        match.matchedSkills(),
        match.missingSkills(),
        clock.instant(),
        false);
  }

  /** The person's notifications created after {@code after}, oldest first: for the live stream. */
  public Flux<InAppNotification> since(String profileId, java.time.Instant after) {
    return mongo.find(
        query(where("profileId").is(profileId).and("createdAt").gt(after))
            .with(Sort.by("createdAt").and(Sort.by("_id"))),
        InAppNotification.class);
  }

  /** Marks one of the person's notifications read or unread; false if there is no such one. */
  public Mono<Boolean> markRead(String profileId, String id, boolean read) {
    return mongo
        .updateFirst(
            query(where("_id").is(id).and("profileId").is(profileId)),
            new org.springframework.data.mongodb.core.query.Update().set("read", read),
            InAppNotification.class)
        .map(result -> result.getMatchedCount() > 0);
  }

  /** All of a person's notifications, read and unread, newest first: for their export. */
  public Flux<InAppNotification> allOf(String profileId) {
    return mongo.find(
        query(where("profileId").is(profileId))
            .with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id"))),
        InAppNotification.class);
  }

  /** Deletes every notification of an erased person. */
  public Mono<Void> forget(String profileId) {
    return mongo.remove(query(where("profileId").is(profileId)), InAppNotification.class).then();
  }

  public Mono<Long> unread(String profileId) {
    return mongo.count(
        query(where("profileId").is(profileId).and("read").is(false)), InAppNotification.class);
  }

  public Flux<InAppNotification> page(String profileId, int page, int size) {
    return mongo.find(
        query(where("profileId").is(profileId))
            .with(Sort.by(Sort.Direction.DESC, "createdAt").and(Sort.by("_id")))
            .skip((long) page * size)
            .limit(size),
        InAppNotification.class);
  }
}
