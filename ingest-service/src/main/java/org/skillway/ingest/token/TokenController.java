package org.skillway.ingest.token;

import java.util.List;
import org.skillway.ingest.apikey.ApiClient;
import org.skillway.ingest.apikey.ApiClients;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
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

  /**
   * Only a key is exchanged: a token exchanged for a fresh one could be kept alive for ever, past
   * its expiry and past the revocation of the key it came from.
   */
  @PostMapping("/api/v1/tokens")
  Mono<TokenIssuer.IssuedToken> issue(Authentication caller) {
    if (!ApiClients.byApiKey(caller)) {
      return Mono.error(
          new ApiProblemException(
              HttpStatus.FORBIDDEN,
              "A bearer token cannot be exchanged for another one; send your X-API-Key instead.",
              List.of(
                  new FieldError(
                      "X-API-Key",
                      "is required: a bearer token cannot be exchanged for another one"))));
    }
    ApiClient client = ApiClients.of(caller);
    return Mono.just(issuer.issue(client.ownerId(), client.role()));
  }
}
