package org.skillway.notification.delivery;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.skillway.notification.delivery.Delivery.State;
import org.skillway.notification.preference.Channel;
import org.skillway.notification.system.NotificationProperties;
import org.skillway.support.BulkRefusals;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.data.mongodb.core.query.Criteria;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** Pending and past deliveries, each a single document changed by single-document operations. */
@Component
public class DeliveryStore implements ApplicationRunner {
  /** The subject of a withdrawal's webhook delivery (its event type). */
  private static final String WITHDRAWN = "MatchWithdrawn";

  /** At most this many stored deliveries are remembered for the dispatcher; beyond, it searches. */
  private static final int EXPECTED_CAPACITY = 100_000;

  private final ReactiveMongoTemplate mongo;
  private final Duration searchEvery;
  private final ExpectedDeliveries expected = new ExpectedDeliveries(EXPECTED_CAPACITY);
  private final AtomicReference<Instant> nextSearch = new AtomicReference<>(Instant.MIN);

  DeliveryStore(ReactiveMongoTemplate mongo, NotificationProperties settings) {
    this.mongo = mongo;
    this.searchEvery = settings.dispatchSearchEvery();
  }

  @Override
  public void run(ApplicationArguments args) {
    mongo
        .indexOps(Delivery.class)
        .createIndex(new Index().on("state", Sort.Direction.ASC).on("dueAt", Sort.Direction.ASC))
        .then(
            mongo
                .indexOps(Delivery.class)
                .createIndex(new Index().on("matchId", Sort.Direction.ASC)))
        .block();
  }

  /** Stores a new delivery; false when its id is taken, that is, it was planned before. */
  public Mono<Boolean> add(Delivery delivery) {
    return mongo
        .insert(delivery)
        .doOnSuccess(stored -> expect(delivery))
        .thenReturn(true)
        .onErrorResume(DuplicateKeyException.class, planned -> Mono.just(false));
  }

  private void expect(Delivery delivery) {
    expected.expect(
        delivery.id(),
        delivery.state() == State.SENDING ? delivery.leaseUntil() : delivery.dueAt());
  }

  /**
   * Stores new deliveries in one unordered bulk; those whose id is taken (planned before) are left
   * as they are.
   */
  public Mono<Void> addAll(List<Delivery> planned) {
    if (planned.isEmpty()) {
      return Mono.empty();
    }
    return mongo
        .bulkOps(BulkOperations.BulkMode.UNORDERED, Delivery.class)
        .insert(planned)
        .execute()
        .then()
        .onErrorResume(BulkRefusals::onlyDuplicates, plannedBefore -> Mono.empty())
        // Those planned before are read back as they stand, so expecting them too does no harm.
        .doOnSuccess(stored -> planned.forEach(this::expect));
  }

  /** Cancels whatever is still waiting to be sent for a match. */
  public Mono<Long> cancelPending(String matchId) {
    return mongo
        .updateMulti(
            query(where("matchId").is(matchId).and("state").is(State.PENDING)),
            new Update().set("state", State.CANCELLED),
            Delivery.class)
        .map(result -> result.getModifiedCount());
  }

  /**
   * Whether a delivery on this channel was sent for any version of the match up to {@code version}:
   * looked up by their ids ({@code <matchId>#<v>#<channel>}), so no index but {@code _id} is
   * needed.
   */
  public Mono<Boolean> wasSent(String matchId, long version, Channel channel) {
    List<String> ids = new java.util.ArrayList<>();
    for (long v = 1; v <= version; v++) {
      ids.add(Delivery.id(matchId, v, channel));
    }
    return mongo.exists(query(where("_id").in(ids).and("state").is(State.SENT)), Delivery.class);
  }

  /**
   * Deliveries due now, and any whose sender's claim ran out (it crashed), oldest first. Those this
   * instance stored or rescheduled are looked up by id; the whole collection is searched only every
   * {@code dispatch-search-every}, for what it does not know of (planned by another instance, left
   * claimed by a crashed sender, planned before a restart), and again straight away while a search
   * comes back full with some it did not know of. What a search sends that it also holds is looked
   * up again when due by id and found sent, which costs a look-up by id and nothing more. On the
   * local wire server a search reads every delivery ever stored; on MongoDB it is the {@code
   * {state, dueAt}} index.
   */
  public Flux<Delivery> due(Instant now, int limit) {
    if (expected.missedSomeSinceAsked() || !now.isBefore(nextSearch.get())) {
      return mongo
          .find(new Query(dueCriteria(now)).with(Sort.by("dueAt")).limit(limit), Delivery.class)
          .collectList()
          .doOnNext(
              found -> {
                // Full, with some this instance did not know of: there may be more of those.
                boolean moreUnknown =
                    found.size() >= limit && found.stream().anyMatch(d -> !expected.holds(d.id()));
                nextSearch.set(moreUnknown ? Instant.MIN : now.plus(searchEvery));
              })
          .flatMapMany(Flux::fromIterable);
    }
    List<String> ids = expected.takeDue(now, limit);
    if (ids.isEmpty()) {
      return Flux.empty();
    }
    return mongo.find(
        query(
                where("_id")
                    .in(ids)
                    .orOperator(
                        where("state").is(State.PENDING).and("dueAt").lte(now),
                        where("state").is(State.SENDING).and("leaseUntil").lt(now)))
            .with(Sort.by("dueAt")),
        Delivery.class);
  }

  /** A person's digest items due now. */
  public Flux<Delivery> dueDigestItems(String profileId, Instant now) {
    return mongo.find(
        new Query(
                dueCriteria(now)
                    .and("recipient")
                    .is(profileId)
                    .and("channel")
                    .is(Channel.EMAIL)
                    .and("digest")
                    .is(true))
            .with(Sort.by("dueAt")),
        Delivery.class);
  }

  private static Criteria dueCriteria(Instant now) {
    return new Criteria()
        .orOperator(
            where("state").is(State.PENDING).and("dueAt").lte(now),
            where("state").is(State.SENDING).and("leaseUntil").lt(now));
  }

  /**
   * Claims a delivery for sending until {@code leaseUntil}, if nobody else has: empty when another
   * sender got there first.
   */
  public Mono<Delivery> claim(Delivery delivery, Instant now, Instant leaseUntil) {
    Query unclaimed =
        query(
            where("_id")
                .is(delivery.id())
                .and("attempts")
                .is(delivery.attempts())
                .orOperator(
                    where("state").is(State.PENDING),
                    where("state").is(State.SENDING).and("leaseUntil").lt(now)));
    return mongo.findAndModify(
        unclaimed,
        new Update().set("state", State.SENDING).set("leaseUntil", leaseUntil),
        FindAndModifyOptions.options().returnNew(true),
        Delivery.class);
  }

  public Mono<Void> sent(Delivery delivery, Instant at) {
    return set(
        delivery, forgetSecrets(delivery, new Update().set("state", State.SENT).set("sentAt", at)));
  }

  /** An invitation's text holds its claim link: it is not kept once there is no more use for it. */
  private static Update forgetSecrets(Delivery delivery, Update update) {
    return delivery.isInvitation() ? update.unset("body").unset("html") : update;
  }

  public Mono<Void> cancelled(Delivery delivery, String why) {
    return set(delivery, new Update().set("state", State.CANCELLED).set("lastError", why));
  }

  public Mono<Void> retry(Delivery delivery, Instant at, String error) {
    return set(
            delivery,
            new Update()
                .set("state", State.PENDING)
                .set("dueAt", at)
                .set("attempts", delivery.attempts() + 1)
                .set("lastError", error))
        .doOnSuccess(done -> expected.expect(delivery.id(), at));
  }

  public Mono<Void> failed(Delivery delivery, String error) {
    return set(
        delivery,
        forgetSecrets(
            delivery,
            new Update()
                .set("state", State.FAILED)
                .set("attempts", delivery.attempts() + 1)
                .set("lastError", error)));
  }

  /** Every delivery to a person, e-mails, digests and invitations alike, in any state. */
  public Flux<Delivery> toPerson(String profileId) {
    return mongo.find(personQuery(profileId).with(Sort.by("dueAt")), Delivery.class);
  }

  /** Every webhook delivery to an employer, in any state. */
  public Flux<Delivery> toEmployer(String employerId) {
    return mongo.find(
        query(where("recipient").is(employerId).and("channel").is(Channel.WEBHOOK))
            .with(Sort.by("dueAt")),
        Delivery.class);
  }

  private static Query personQuery(String profileId) {
    return query(where("recipient").is(profileId).and("channel").is(Channel.EMAIL));
  }

  /**
   * Forgets an erased person: every delivery to them goes, in any state; of the employers' webhook
   * deliveries about them, those not sent go (the match is gone) and those sent are cut to receipts
   * without their body, kept only so that the employer is still told, name-blind, when the match is
   * withdrawn ({@link #forgetReceipts}). A withdrawal's own webhook stays: it is name-blind and
   * tells the employer to forget the candidate.
   */
  public Mono<Void> forgetPerson(String profileId) {
    Criteria aboutThem = webhooksAbout(profileId).and("subject").ne(WITHDRAWN);
    // A match already withdrawn (matching may say so before the erasure arrives) needs no receipt.
    Flux<Void> withdrawnReceipts =
        mongo
            .find(query(webhooksAbout(profileId).and("subject").is(WITHDRAWN)), Delivery.class)
            .concatMap(withdrawal -> forgetReceipts(withdrawal.matchId()));
    return mongo
        .remove(personQuery(profileId), Delivery.class)
        .then(
            mongo.remove(
                query(Criteria.where("state").ne(State.SENT).andOperator(aboutThem)),
                Delivery.class))
        .then(
            mongo.updateMulti(
                query(where("state").is(State.SENT).andOperator(aboutThem)),
                new Update().unset("body").unset("html").unset("lastError"),
                Delivery.class))
        .thenMany(withdrawnReceipts)
        .then();
  }

  private static Criteria webhooksAbout(String profileId) {
    return where("matchId")
        .regex("^" + java.util.regex.Pattern.quote(profileId) + ":")
        .and("channel")
        .is(Channel.WEBHOOK);
  }

  /**
   * Drops the receipts of an erased person's match once its withdrawal has been planned for the
   * employer: they were kept for that alone.
   */
  public Mono<Void> forgetReceipts(String matchId) {
    return mongo
        .remove(
            query(
                where("matchId")
                    .is(matchId)
                    .and("channel")
                    .is(Channel.WEBHOOK)
                    .and("subject")
                    .ne(WITHDRAWN)),
            Delivery.class)
        .then();
  }

  public Mono<Delivery> find(String id) {
    return mongo.findById(id, Delivery.class);
  }

  private Mono<Void> set(Delivery delivery, Update update) {
    return mongo
        .updateFirst(
            query(where("_id").is(delivery.id())), update.unset("leaseUntil"), Delivery.class)
        .then();
  }
}
