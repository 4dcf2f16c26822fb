package org.skillway.ingest.account;

import java.time.Instant;
import java.util.List;
import org.skillway.ingest.profile.Profile;
import org.skillway.ingest.profile.ProfileChecks;
import org.skillway.ingest.profile.ProfileRequest;
import org.skillway.ingest.system.RateLimits;
import org.skillway.ingest.token.TokenIssuer;
import org.skillway.ingest.token.TokenIssuer.IssuedToken;
import org.skillway.support.ApiProblemException;
import org.skillway.support.Role;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * What a person does with their account, whichever door they come through (the JSON API or the web
 * app): register, sign in, claim an invitation, sign out. Rate limits and checks live here so the
 * two doors cannot drift apart.
 */
@Component
public class People {
  static final String PASSWORD_RULE =
      "must be 12 to 128 characters; three random words make a strong one";

  private final Accounts accounts;
  private final ProfileChecks checks;
  private final TokenIssuer issuer;
  private final AccessRevoker revoker;
  private final RateLimits rateLimits;

  People(
      Accounts accounts,
      ProfileChecks checks,
      TokenIssuer issuer,
      AccessRevoker revoker,
      RateLimits rateLimits) {
    this.accounts = accounts;
    this.checks = checks;
    this.issuer = issuer;
    this.revoker = revoker;
    this.rateLimits = rateLimits;
  }

  /**
   * Creates the account and its profile, once Kafka holds the profile, and signs the person in.
   *
   * @throws ApiProblemException naming each field that is wrong ({@code profile.} before the
   *     profile's own)
   */
  public Mono<IssuedToken> register(
      String email, String password, ProfileRequest request, String clientAddress) {
    return Mono.defer(() -> registering(email, password, request, clientAddress));
  }

  private Mono<IssuedToken> registering(
      String email, String password, ProfileRequest request, String clientAddress) {
    rateLimits.registration(clientAddress);
    requirePassword(password);
    Profile profile;
    try {
      profile = checks.check(request, null);
    } catch (ApiProblemException problem) {
      return Mono.error(problem.prefixed("profile."));
    }
    return accounts
        .register(email, password, profile)
        .map(account -> issuer.issue(account.id(), Role.STUDENT));
  }

  /** A token for a right e-mail and password; 401 for a wrong one, 429 after too many tries. */
  public Mono<IssuedToken> signIn(String email, String password, String clientAddress) {
    return Mono.defer(
        () -> {
          rateLimits.signIn(clientAddress, Accounts.normalise(email));
          return signingIn(email, password);
        });
  }

  private Mono<IssuedToken> signingIn(String email, String password) {
    return accounts
        .signIn(email, password)
        .switchIfEmpty(
            Mono.error(
                new ApiProblemException(
                    HttpStatus.UNAUTHORIZED,
                    "The e-mail address or the password is wrong.",
                    List.of())))
        .map(account -> issuer.issue(account.id(), Role.STUDENT));
  }

  /** Sets the password of an account a university created and signs the person in; works once. */
  public Mono<IssuedToken> claim(String token, String password, String clientAddress) {
    return Mono.defer(
        () -> {
          rateLimits.claim(clientAddress);
          requirePassword(password);
          return accounts
              .claim(token, password)
              .map(account -> issuer.issue(account.id(), Role.STUDENT));
        });
  }

  /** Every service refuses this token from now on. */
  public Mono<Void> signOut(String subject, String tokenId, Instant expiresAt) {
    return revoker.signedOut(subject, tokenId, expiresAt);
  }

  /** Signs out of the web app: this session's token and every earlier one. */
  public Mono<Void> signOutEverywhere(String subject, String tokenId, Instant expiresAt) {
    return revoker.signedOutEverywhere(subject, tokenId, expiresAt);
  }

  /** The address the person signs in with. */
  public Mono<String> emailOf(String profileId) {
    return accounts.emailOf(profileId);
  }

  /** Erases the profile everywhere, revokes every token of the account and deletes it. */
  public Mono<Void> deleteAccount(String profileId) {
    return accounts.deleteAccount(profileId);
  }

  private static void requirePassword(String password) {
    if (password == null || password.length() < 12 || password.length() > 128) {
      throw ApiProblemException.invalid("password", PASSWORD_RULE);
    }
  }
}
