package org.skillway.ingest.token;

import org.skillway.ingest.apikey.ApiClient;
import org.skillway.support.IdentityTokens;
import org.skillway.support.SkillwayProperties;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Exchanges an employer's or university's API key for a short-lived bearer identity token (subject:
 * the employer or university id; role: theirs), which the other services accept: an API key
 * resolves to the same kind of identity a person's sign-in does.
 */
@RestController
class TokenController {
  private final IdentityTokens tokens;
  private final SkillwayProperties properties;

  TokenController(IdentityTokens tokens, SkillwayProperties properties) {
    this.tokens = tokens;
    this.properties = properties;
  }

  /**
   * @param subject the employer or university id the token speaks for
   */
  record TokenResponse(
      String subject, String role, String accessToken, String tokenType, long expiresIn) {}

  @PostMapping("/api/v1/tokens")
  Mono<TokenResponse> issue(@AuthenticationPrincipal ApiClient client) {
    return Mono.just(
        new TokenResponse(
            client.ownerId(),
            client.role().name(),
            tokens.issue(client.ownerId(), client.role()),
            "Bearer",
            properties.security().tokenTtl().toSeconds()));
  }
}
