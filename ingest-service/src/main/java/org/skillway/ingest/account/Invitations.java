package org.skillway.ingest.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Base64;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import org.skillway.events.EventMetadata;
import org.skillway.events.InvitationIssued;
import org.skillway.ingest.organisation.Organisations;
import org.skillway.ingest.system.IngestProperties;
import org.skillway.support.Batches;
import org.skillway.support.EventPublisher;
import org.skillway.support.Hashes;
import org.skillway.support.InvitationSeal;
import org.skillway.support.SkillwayProperties;
import org.springframework.data.mongodb.BulkOperationException;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Invitations to claim an account that a university created. Each holds a fresh single-use token,
 * of which only the hash is stored; the {@code InvitationIssued} event carries the address and the
 * link, sealed for the notification service alone ({@link InvitationSeal}), which e-mails it. An
 * account is stored before its invitation is published, and marked sent once Kafka has acknowledged
 * it; one left unsent by a crash is sent again when its university uploads the student again. The
 * event names the university by its display name, if it has set one, so the e-mail can.
 */
@Component
public class Invitations {
  private static final SecureRandom RANDOM = new SecureRandom();

  /** MongoDB's error code for a unique index that already holds the value. */
  private static final int DUPLICATE_KEY = 11000;

  private final ReactiveMongoTemplate mongo;
  private final EventPublisher publisher;
  private final IngestProperties.Invitation settings;
  private final Clock clock;
  private final InvitationSeal seal;
  private final Organisations organisations;

  Invitations(
      ReactiveMongoTemplate mongo,
      EventPublisher publisher,
      IngestProperties properties,
      SkillwayProperties platform,
      Clock clock,
      Organisations organisations) {
    this.organisations = organisations;
    this.mongo = mongo;
    this.publisher = publisher;
    this.settings = properties.invitation();
    this.clock = clock;
    this.seal = new InvitationSeal(platform.security());
  }

  /** Someone a university has loaded, by profile id and the address the university gave. */
  public record Invitee(String profileId, String email) {}

  /**
   * Creates password-less accounts for these students and invites each. An address that another
   * account took in the meantime is left alone: that person has an account already.
   */
  public Mono<Void> createAndInvite(String universityId, List<Invitee> invitees) {
    if (invitees.isEmpty()) {
      return Mono.empty();
    }
    Instant now = clock.instant();
    List<Issued> issued = invitees.stream().map(i -> issue(i, 1, now)).toList();
    var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Account.class);
    issued.forEach(
        i ->
            bulk.insert(
                new Account(
                    i.invitee().profileId(),
                    Accounts.normalise(i.invitee().email()),
                    null,
                    now,
                    i.claim())));
    // Unordered: every new account is inserted; one whose address or id is taken fails alone.
    Mono<Set<Integer>> refused =
        bulk.execute().thenReturn(Set.<Integer>of()).onErrorResume(Invitations::takenOnly);
    return refused.flatMap(
        skip -> {
          List<Issued> created = new ArrayList<>();
          for (int n = 0; n < issued.size(); n++) {
            if (!skip.contains(n)) {
              created.add(issued.get(n));
            }
          }
          return send(universityId, created);
        });
  }

  /**
   * Sends a new invitation (a new link; the old one stops working) to each of these accounts that
   * is still unclaimed.
   *
   * @return how many were sent
   */
  public Mono<Long> reinvite(String universityId, List<String> profileIds) {
    Instant now = clock.instant();
    return Flux.fromIterable(profileIds)
        .concatMap(
            profileId ->
                mongo
                    .findById(profileId, Account.class)
                    .filter(account -> !account.claimed())
                    .flatMap(
                        account -> {
                          int number = account.claim() == null ? 1 : account.claim().number() + 1;
                          Issued issued =
                              issue(new Invitee(account.id(), account.email()), number, now);
                          return mongo
                              .updateFirst(
                                  query(where("_id").is(account.id()).and("passwordHash").isNull()),
                                  new Update().set("claim", issued.claim()),
                                  Account.class)
                              // Claimed in the meantime: nothing to send.
                              .filter(result -> result.getModifiedCount() == 1)
                              .map(result -> issued);
                        }))
        .collectList()
        .flatMap(issued -> send(universityId, issued).thenReturn((long) issued.size()));
  }

  /** Publishes the invitations (all acknowledged by Kafka), then marks them sent. */
  private Mono<Void> send(String universityId, List<Issued> issued) {
    if (issued.isEmpty()) {
      return Mono.empty();
    }
    return organisations
        .nameIfSet(universityId)
        .map(java.util.Optional::of)
        .defaultIfEmpty(java.util.Optional.empty())
        .flatMap(name -> send(universityId, name.orElse(null), issued));
  }

  private Mono<Void> send(String universityId, String universityName, List<Issued> issued) {
    List<InvitationIssued> events =
        issued.stream()
            .map(
                i ->
                    seal.seal(
                        EventMetadata.next(
                            i.invitee().profileId(), i.claim().number(), clock.instant()),
                        Accounts.normalise(i.invitee().email()),
                        universityId,
                        settings.claimUrl() + "?token=" + i.token(),
                        i.claim().expiresAt()))
            // The name is no secret and the seal does not cover it: it is added after sealing.
            .map(
                e ->
                    new InvitationIssued(
                        e.metadata(), e.invitation().withUniversityName(universityName)))
            .toList();
    List<String> ids = issued.stream().map(i -> i.invitee().profileId()).toList();
    return Mono.fromRunnable(() -> publisher.publishAll(events))
        .subscribeOn(Schedulers.boundedElastic())
        .thenMany(
            Flux.fromIterable(Batches.of(ids, Batches.IN_LIST))
                .concatMap(
                    some ->
                        mongo.updateMulti(
                            query(where("_id").in(some)),
                            new Update().set("claim.sent", true),
                            Account.class)))
        .then();
  }

  /**
   * The positions of a bulk insert refused only because the id or address was taken; any other
   * failure fails the batch. Spring reports a bulk of duplicates alone as a {@code
   * DuplicateKeyException}, a mix as a {@code BulkOperationException}.
   */
  private static Mono<Set<Integer>> takenOnly(Throwable failure) {
    List<com.mongodb.bulk.BulkWriteError> errors =
        failure instanceof BulkOperationException bulk
            ? bulk.getErrors()
            : failure.getCause() instanceof com.mongodb.MongoBulkWriteException write
                ? write.getWriteErrors()
                : null;
    if (errors == null || errors.stream().anyMatch(e -> e.getCode() != DUPLICATE_KEY)) {
      return Mono.error(failure);
    }
    Set<Integer> indexes = new HashSet<>();
    errors.forEach(e -> indexes.add(e.getIndex()));
    return Mono.just(indexes);
  }

  private Issued issue(Invitee invitee, int number, Instant now) {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String token = Base64.getUrlEncoder().withoutPadding().encodeToString(secret);
    return new Issued(
        invitee,
        token,
        new Account.Claim(Hashes.sha256Hex(token), now.plus(settings.validFor()), number, false));
  }

  private record Issued(Invitee invitee, String token, Account.Claim claim) {}
}
