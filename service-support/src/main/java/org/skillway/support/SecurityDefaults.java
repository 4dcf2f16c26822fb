package org.skillway.support;

import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import reactor.core.publisher.Mono;

/**
 * The security every service starts from: stateless, no browser log-in forms, identity tokens
 * verified as an OAuth2 resource server, and every refusal as an RFC 9457 problem. Probes and
 * metrics stay open (in Kubernetes they are reachable only inside the cluster). Each service then
 * adds its own rules.
 */
public final class SecurityDefaults {
  /** The path variable that {@link #ownerOrOperator} compares with the token's subject. */
  public static final String PROFILE_ID = "profileId";

  public static final String[] OPEN_OPERATIONAL_PATHS = {
    "/actuator/health/**", "/actuator/prometheus"
  };

  private SecurityDefaults() {}

  public static ServerHttpSecurity apply(ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(
                        jwt ->
                            jwt.jwtDecoder(jwtDecoder)
                                .jwtAuthenticationConverter(
                                    IdentityTokens.authenticationConverter()))
                    .authenticationEntryPoint(ProblemResponses.unauthenticated())
                    .accessDeniedHandler(ProblemResponses.forbidden()))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(ProblemResponses.unauthenticated())
                    .accessDeniedHandler(ProblemResponses.forbidden()));
  }

  /**
   * Allows a person to reach paths under their own profile ({@code {profileId}} equals the token's
   * subject) and an operator to reach anyone's.
   */
  public static Mono<AuthorizationResult> ownerOrOperator(
      Mono<Authentication> authentication, AuthorizationContext context) {
    Object profileId = context.getVariables().get(PROFILE_ID);
    return authentication
        .filter(Authentication::isAuthenticated)
        .<AuthorizationResult>map(
            auth -> new AuthorizationDecision(auth.getName().equals(profileId) || isOperator(auth)))
        .defaultIfEmpty(new AuthorizationDecision(false));
  }

  public static boolean isOperator(Authentication authentication) {
    return authentication.getAuthorities().stream()
        .anyMatch(a -> a.getAuthority().equals(Role.OPERATOR.authority()));
  }
}
