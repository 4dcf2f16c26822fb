package org.skillway.ingest.account;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.skillway.ingest.input.EmailAddresses;
import org.skillway.ingest.profile.Profile;
import org.skillway.ingest.profile.ProfileErasures;
import org.skillway.ingest.profile.Profiles;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
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
  private final AccessRevoker revoker;
  private final Clock clock;

  Accounts(
      ReactiveMongoTemplate mongo,
      PasswordEncoder passwords,
      Profiles profiles,
      AccessRevoker revoker,
      Clock clock) {
    this.mongo = mongo;
    this.passwords = passwords;
    this.profiles = profiles;
    this.revoker = revoker;
    this.clock = clock;
    this.decoyHash = passwords.encode(UUID.randomUUID().toString());
  }

  /** One account per e-mail address, enforced by a unique index; claim tokens are looked up. */
  @Override
  public void run(ApplicationArguments args) {
    mongo
        .indexOps(Account.class)
        .createIndex(new Index().on("email", Sort.Direction.ASC).unique())
        .then(
            mongo
                .indexOps(Account.class)
                .createIndex(new Index().on("claim.tokenHash", Sort.Direction.ASC).sparse()))
        .block();
  }

  /** The form an address is stored and looked up in: NFC, trimmed, lower case. */
  public static String normalise(String email) {
    return EmailAddresses.normalise(email);
  }

  /**
   * Creates the account and its profile (published as version 1). If the profile cannot be
   * published, the account is removed again: nothing is half-written.
   *
   * @throws ApiProblemException naming {@code email} if the address hides an invisible or combining
   *     character, which would make a look-alike of someone else's address
   */
  Mono<Account> register(String email, String password, Profile profile) {
    var hidden = EmailAddresses.problem(email);
    if (hidden.isPresent()) {
      return Mono.error(ApiProblemException.invalid("email", hidden.get()));
    }
    String id = UUID.randomUUID().toString();
    return hash(password)
        .map(hash -> new Account(id, normalise(email), hash, clock.instant(), null))
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

  Mono<String> emailOf(String id) {
    return mongo.findById(id, Account.class).map(Account::email);
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

  /**
   * Who holds an e-mail address.
   *
   * @param claimed the person has set a password: the profile is theirs to change
   * @param awaitingInvitation the account is unclaimed and its invitation never reached Kafka
   */
  public record Owner(String id, boolean claimed, boolean awaitingInvitation) {}

  /** The accounts that hold these e-mail addresses, by lower-cased address. */
  public Mono<java.util.Map<String, Owner>> ownersOf(java.util.Collection<String> emails) {
    List<String> addresses = emails.stream().map(Accounts::normalise).toList();
    return reactor.core.publisher.Flux.fromIterable(
            org.skillway.support.Batches.of(addresses, org.skillway.support.Batches.IN_LIST))
        .flatMap(some -> mongo.find(query(where("email").in(some)), Account.class), 2)
        .collectMap(
            Account::email,
            a ->
                new Owner(
                    a.id(), a.claimed(), !a.claimed() && (a.claim() == null || !a.claim().sent())));
  }

  /**
   * Sets the password of an account a university created, using the token from its invitation,
   * which then stops working.
   *
   * @return the claimed account
   * @throws ApiProblemException if the token is unknown, used or expired
   */
  Mono<Account> claim(String token, String password) {
    String tokenHash = org.skillway.support.Hashes.sha256Hex(token);
    return mongo
        .findOne(query(where("claim.tokenHash").is(tokenHash)), Account.class)
        .switchIfEmpty(
            Mono.error(
                () ->
                    invalidClaim(
                        "is not a valid invitation; it may have been used already or replaced by"
                            + " a newer one")))
        .flatMap(
            account -> {
              if (!clock.instant().isBefore(account.claim().expiresAt())) {
                return Mono.error(
                    invalidClaim(
                        "expired at "
                            + account.claim().expiresAt()
                            + "; ask your university to send a new invitation"));
              }
              return hash(password)
                  .flatMap(
                      hash ->
                          mongo.findAndModify(
                              query(
                                  where("_id")
                                      .is(account.id())
                                      .and("claim.tokenHash")
                                      .is(tokenHash)
                                      .and("passwordHash")
                                      .isNull()),
                              new org.springframework.data.mongodb.core.query.Update()
                                  .set("passwordHash", hash)
                                  .unset("claim"),
                              org.springframework.data.mongodb.core.FindAndModifyOptions.options()
                                  .returnNew(true),
                              Account.class))
                  // Claimed by a concurrent request with the same token: only one wins.
                  .switchIfEmpty(
                      Mono.error(() -> invalidClaim("has been used already; sign in instead")));
            });
  }

  private static ApiProblemException invalidClaim(String reason) {
    return new ApiProblemException(
        HttpStatus.BAD_REQUEST,
        "This invitation link cannot be used",
        List.of(new FieldError("token", reason)));
  }

  /**
   * Erases the profile (published first), revokes every token of the account in every service, then
   * deletes the credentials. A failure part-way leaves the account to be deleted again.
   */
  @Override
  public Mono<Void> deleteAccount(String profileId) {
    return profiles
        .erase(profileId, "ACCOUNT_DELETED")
        .then(revoker.accountDeleted(profileId))
        .then(mongo.remove(query(where("_id").is(profileId)), Account.class))
        .then();
  }

  private Mono<String> hash(String password) {
    return Mono.fromCallable(() -> passwords.encode(password))
        .subscribeOn(Schedulers.boundedElastic());
  }
}
