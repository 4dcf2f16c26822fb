package org.skillway.support;

import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * The security every service starts from: stateless, no browser log-in forms, identity tokens
 * verified as an OAuth2 resource server, and every refusal as an RFC 9457 problem. Probes and
 * metrics stay open (in Kubernetes they are reachable only inside the cluster). Each service then
 * adds its own rules.
 */
public final class SecurityDefaults {
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
}
