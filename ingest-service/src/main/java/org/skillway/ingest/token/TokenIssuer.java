package org.skillway.ingest.token;

import org.skillway.support.IdentityTokens;
import org.skillway.support.Role;
import org.skillway.support.SkillwayProperties;
import org.springframework.stereotype.Component;

/** Issues the platform's bearer identity tokens as this service hands them to its clients. */
@Component
public class TokenIssuer {
  private final IdentityTokens tokens;
  private final SkillwayProperties properties;

  TokenIssuer(IdentityTokens tokens, SkillwayProperties properties) {
    this.tokens = tokens;
    this.properties = properties;
  }

  /**
   * @param subject the profile, employer or university id the token speaks for
   * @param expiresIn seconds until the token expires
   */
  public record IssuedToken(
      String subject, String role, String accessToken, String tokenType, long expiresIn) {}

  public IssuedToken issue(String subject, Role role) {
    return new IssuedToken(
        subject,
        role.name(),
        tokens.issue(subject, role),
        "Bearer",
        properties.security().tokenTtl().toSeconds());
  }
}
