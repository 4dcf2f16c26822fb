package org.skillway.ingest.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.net.URI;
import org.skillway.ingest.profile.ProfileRequest;
import org.skillway.ingest.system.RateLimits;
import org.skillway.ingest.token.TokenIssuer;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Registration, and claiming an account a university created: open to anyone, and rate limited per
 * client address.
 */
@RestController
class AccountController {
  private final People people;

  AccountController(People people) {
    this.people = people;
  }

  /**
   * @param password 12 to 128 characters; three random words make a strong one
   */
  record Registration(
      @NotBlank @Email @Size(max = 254) String email,
      @NotNull @Size(min = 12, max = 128, message = People.PASSWORD_RULE) String password,
      @NotNull @Valid ProfileRequest profile) {}

  /**
   * @param token from the invitation link ({@code ?token=})
   * @param password 12 to 128 characters
   */
  record AccountClaim(
      @NotBlank @Size(max = 128) String token,
      @NotNull @Size(min = 12, max = 128, message = People.PASSWORD_RULE) String password) {}

  /**
   * @param profileId the new profile's id, also the subject of the token
   */
  record Registered(String profileId, String accessToken, String tokenType, long expiresIn) {
    static Registered of(TokenIssuer.IssuedToken token) {
      return new Registered(
          token.subject(), token.accessToken(), token.tokenType(), token.expiresIn());
    }
  }

  /**
   * Creates the account and its profile; answers 201 once Kafka holds the profile, with a token so
   * the person is signed in straight away. Matching follows asynchronously.
   */
  @PostMapping("/api/v1/accounts")
  Mono<ResponseEntity<Registered>> register(
      @Valid @RequestBody Registration registration, ServerWebExchange exchange) {
    return people
        .register(
            registration.email(),
            registration.password(),
            registration.profile(),
            RateLimits.clientAddress(exchange))
        .map(
            token ->
                ResponseEntity.created(URI.create("/api/v1/profiles/" + token.subject()))
                    .body(Registered.of(token)));
  }

  /**
   * Claims an account that a university created, with the token from the invitation e-mail: sets
   * its password and signs the person in. The token works once.
   */
  @PostMapping("/api/v1/account-claims")
  Mono<Registered> claim(@Valid @RequestBody AccountClaim claim, ServerWebExchange exchange) {
    return people
        .claim(claim.token(), claim.password(), RateLimits.clientAddress(exchange))
        .map(Registered::of);
  }
}
