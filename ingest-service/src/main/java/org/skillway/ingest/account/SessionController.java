package org.skillway.ingest.account;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import org.skillway.ingest.system.RateLimits;
import org.skillway.ingest.token.TokenIssuer;
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
  private final People people;

  SessionController(People people) {
    this.people = people;
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
    return people.signIn(request.email(), request.password(), RateLimits.clientAddress(exchange));
  }

  /**
   * Signs out: every service refuses the token from now on (this one at once, the others as soon as
   * they read the revocation from Kafka, within seconds).
   */
  @DeleteMapping("/api/v1/sessions/current")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> signOut(@AuthenticationPrincipal Jwt token) {
    return people.signOut(token.getSubject(), token.getId(), token.getExpiresAt());
  }
}
