package org.skillway.ingest.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import java.util.Locale;
import java.util.UUID;
import org.skillway.ingest.profile.Profile;
import org.skillway.ingest.profile.ProfileErasures;
import org.skillway.ingest.profile.Profiles;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.BulkOperations;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.index.Index;
import org.springframework.http.HttpStatus;
import org.springframework.security.crypto.password.PasswordEncoder;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Student accounts. Hashing a password takes tens of milliseconds on purpose, so it runs off the
 * request threads.
 */
@Component
public class Accounts implements ApplicationRunner, ProfileErasures {
  /**
   * Checked against when the e-mail is unknown, so a wrong address takes as long as a wrong
   * password and does not reveal who is registered.
   */
  private final String decoyHash;

  private final ReactiveMongoTemplate mongo;
  private final PasswordEncoder passwords;
  private final Profiles profiles;
  private final Clock clock;

  Accounts(ReactiveMongoTemplate mongo, PasswordEncoder passwords, Profiles profiles, Clock clock) {
    this.mongo = mongo;
    this.passwords = passwords;
    this.profiles = profiles;
    this.clock = clock;
    this.decoyHash = passwords.encode(UUID.randomUUID().toString());
  }

  /** One account per e-mail address, enforced by a unique index. */
  @Override
  public void run(ApplicationArguments args) {
    mongo
        .indexOps(Account.class)
        .createIndex(new Index().on("email", Sort.Direction.ASC).unique())
        .block();
  }

  public static String normalise(String email) {
    return email.trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Creates the account and its profile (published as version 1). If the profile cannot be
   * published, the account is removed again: nothing is half-written.
   */
  Mono<Account> register(String email, String password, Profile profile) {
    String id = UUID.randomUUID().toString();
    return hash(password)
        .map(hash -> new Account(id, normalise(email), hash, clock.instant()))
        .flatMap(mongo::insert)
        .onErrorMap(
            DuplicateKeyException.class,
            taken ->
                new ApiProblemException(
                    HttpStatus.CONFLICT,
                    "An account with this e-mail address already exists; sign in instead.",
                    List.of(new FieldError("email", "is already registered"))))
        .flatMap(
            account ->
                profiles
                    .create(id, profile)
                    .onErrorResume(
                        failed ->
                            mongo
                                .remove(query(where("_id").is(id)), Account.class)
                                .then(Mono.error(failed)))
                    .thenReturn(account));
  }

  /** The account, if the password is right; empty otherwise, whichever part was wrong. */
  Mono<Account> signIn(String email, String password) {
    return mongo
        .findOne(query(where("email").is(normalise(email))), Account.class)
        .map(java.util.Optional::of)
        .defaultIfEmpty(java.util.Optional.empty())
        .flatMap(
            found -> {
              // An invited account has no password until it is claimed; check the decoy instead.
              String hash = found.map(Account::passwordHash).orElse(null);
              return Mono.fromCallable(
                      () ->
                          passwords.matches(password, hash == null ? decoyHash : hash)
                              && hash != null)
                  .subscribeOn(Schedulers.boundedElastic())
                  .flatMap(right -> right ? Mono.justOrEmpty(found) : Mono.empty());
            });
  }

  /** The accounts (ids) that hold these e-mail addresses, by lower-cased address. */
  public Mono<java.util.Map<String, String>> ownersOf(java.util.Collection<String> emails) {
    return mongo
        .find(
            query(where("email").in(emails.stream().map(Accounts::normalise).toList())),
            Account.class)
        .collectMap(Account::email, Account::id);
  }

  /**
   * Creates accounts without a password for students loaded by their university, to be claimed
   * later; an account that is already there is left as it is.
   *
   * @param invitees profile id to e-mail address
   */
  public Mono<Void> invite(java.util.Map<String, String> invitees) {
    if (invitees.isEmpty()) {
      return Mono.empty();
    }
    var bulk = mongo.bulkOps(BulkOperations.BulkMode.UNORDERED, Account.class);
    invitees.forEach(
        (id, email) -> bulk.insert(new Account(id, normalise(email), null, clock.instant())));
    // Unordered: every new account is inserted; one already there fails alone and is left as it is.
    return bulk.execute()
        .then()
        .onErrorResume(
            org.springframework.data.mongodb.BulkOperationException.class,
            someThere -> Mono.empty())
        .onErrorResume(DuplicateKeyException.class, someThere -> Mono.empty());
  }

  /** Erases the profile (published first), then deletes the credentials. */
  @Override
  public Mono<Void> deleteAccount(String profileId) {
    return profiles
        .erase(profileId, "ACCOUNT_DELETED")
        .then(mongo.remove(query(where("_id").is(profileId)), Account.class))
        .then();
  }

  private Mono<String> hash(String password) {
    return Mono.fromCallable(() -> passwords.encode(password))
        .subscribeOn(Schedulers.boundedElastic());
  }
}
