package org.skillway.ingest.token;

import org.skillway.ingest.apikey.ApiClient;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Exchanges an employer's, university's or operator's API key for a short-lived bearer identity
 * token (subject: the owner's id; role: theirs), which the other services accept: an API key
 * resolves to the same kind of identity a person's sign-in does.
 */
@RestController
class TokenController {
  private final TokenIssuer issuer;

  TokenController(TokenIssuer issuer) {
    this.issuer = issuer;
  }

  @PostMapping("/api/v1/tokens")
  Mono<TokenIssuer.IssuedToken> issue(@AuthenticationPrincipal ApiClient client) {
    return Mono.just(issuer.issue(client.ownerId(), client.role()));
  }
}
