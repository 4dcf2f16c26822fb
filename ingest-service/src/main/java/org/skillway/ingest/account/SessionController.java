package org.skillway.ingest.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.skillway.ingest.system.RateLimits;
import org.skillway.ingest.token.TokenIssuer;
import org.skillway.support.ApiProblemException;
import org.skillway.support.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Signing in (a token for an e-mail and password) and signing out (revoking that token). */
@RestController
class SessionController {
  private final Accounts accounts;
  private final TokenIssuer issuer;
  private final AccessRevoker revoker;
  private final RateLimits rateLimits;

  SessionController(
      Accounts accounts, TokenIssuer issuer, AccessRevoker revoker, RateLimits rateLimits) {
    this.accounts = accounts;
    this.issuer = issuer;
    this.revoker = revoker;
    this.rateLimits = rateLimits;
  }

  record SignIn(
      @NotBlank @Size(max = 254) String email, @NotBlank @Size(max = 128) String password) {}

  /**
   * Answers 401 for a wrong e-mail or password alike, and 429 once an address or an account has had
   * too many tries.
   */
  @PostMapping("/api/v1/sessions")
  Mono<TokenIssuer.IssuedToken> signIn(
      @Valid @RequestBody SignIn request, ServerWebExchange exchange) {
    rateLimits.signIn(RateLimits.clientAddress(exchange), Accounts.normalise(request.email()));
    return accounts
        .signIn(request.email(), request.password())
        .switchIfEmpty(
            Mono.error(
                new ApiProblemException(
                    HttpStatus.UNAUTHORIZED,
                    "The e-mail address or the password is wrong.",
                    List.of())))
        .map(account -> issuer.issue(account.id(), Role.STUDENT));
  }

  /**
   * Signs out: every service refuses the token from now on (this one at once, the others as soon as
   * they read the revocation from Kafka, within seconds).
   */
  @DeleteMapping("/api/v1/sessions/current")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> signOut(@AuthenticationPrincipal Jwt token) {
    return revoker.signedOut(token.getSubject(), token.getId(), token.getExpiresAt());
  }
}
