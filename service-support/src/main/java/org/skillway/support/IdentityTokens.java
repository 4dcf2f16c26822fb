package org.skillway.support;

import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import javax.crypto.SecretKey;
import javax.crypto.spec.SecretKeySpec;
import org.springframework.core.convert.converter.Converter;
import org.springframework.security.authentication.AbstractAuthenticationToken;
import org.springframework.security.core.GrantedAuthority;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.oauth2.core.DelegatingOAuth2TokenValidator;
import org.springframework.security.oauth2.jose.jws.MacAlgorithm;
import org.springframework.security.oauth2.jwt.JwsHeader;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.JwtClaimsSet;
import org.springframework.security.oauth2.jwt.JwtEncoder;
import org.springframework.security.oauth2.jwt.JwtEncoderParameters;
import org.springframework.security.oauth2.jwt.JwtIssuerValidator;
import org.springframework.security.oauth2.jwt.JwtTimestampValidator;
import org.springframework.security.oauth2.jwt.NimbusJwtEncoder;
import org.springframework.security.oauth2.jwt.NimbusReactiveJwtDecoder;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtAuthenticationToken;
import reactor.core.publisher.Mono;

/**
 * Signed, short-lived identity tokens (JWT, HS256). ingest-service issues them; every service
 * verifies them with Spring Security's resource-server support. Claims: {@code sub} (the profile,
 * employer or university id), {@code role} (a {@link Role} name), {@code jti} (so that signing out
 * can revoke one token), {@code iss}, {@code iat}, {@code exp}.
 */
public final class IdentityTokens {
  public static final String ROLE_CLAIM = "role";

  private final SkillwayProperties.Security settings;
  private final SecretKey key;
  private final JwtEncoder encoder;
  private final Clock clock;

  public IdentityTokens(SkillwayProperties.Security settings, Clock clock) {
    this.settings = settings;
    this.key = new SecretKeySpec(settings.secretKey(), "HmacSHA256");
    this.encoder = NimbusJwtEncoder.withSecretKey(key).build();
    this.clock = clock;
  }

  /** Issues a token for {@code subject} acting as {@code role}. */
  public String issue(String subject, Role role) {
    Instant now = clock.instant();
    JwtClaimsSet claims =
        JwtClaimsSet.builder()
            .issuer(settings.issuer())
            .subject(subject)
            .id(java.util.UUID.randomUUID().toString())
            .issuedAt(now)
            .expiresAt(now.plus(settings.tokenTtl()))
            .claim(ROLE_CLAIM, role.name())
            .build();
    JwsHeader header = JwsHeader.with(MacAlgorithm.HS256).build();
    return encoder.encode(JwtEncoderParameters.from(header, claims)).getTokenValue();
  }

  /** Verifies signature, expiry and issuer. */
  public ReactiveJwtDecoder decoder() {
    NimbusReactiveJwtDecoder decoder =
        NimbusReactiveJwtDecoder.withSecretKey(key).macAlgorithm(MacAlgorithm.HS256).build();
    decoder.setJwtValidator(
        new DelegatingOAuth2TokenValidator<>(
            new JwtTimestampValidator(), new JwtIssuerValidator(settings.issuer())));
    return decoder;
  }

  /** Maps the {@code role} claim to one authority, e.g. {@code ROLE_STUDENT}. */
  public static Converter<Jwt, Mono<AbstractAuthenticationToken>> authenticationConverter() {
    return jwt -> {
      String role = jwt.getClaimAsString(ROLE_CLAIM);
      Collection<GrantedAuthority> authorities =
          role == null
              ? List.of()
              : List.of(new SimpleGrantedAuthority(Role.parse(role).authority()));
      return Mono.just(new JwtAuthenticationToken(jwt, authorities, jwt.getSubject()));
    };
  }
}
