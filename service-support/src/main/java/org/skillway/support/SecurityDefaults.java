package org.skillway.support;

import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.Customizer;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.header.ReferrerPolicyServerHttpHeadersWriter;
import org.springframework.security.web.server.header.XFrameOptionsServerHttpHeadersWriter;
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

  /**
   * A JSON API serves no HTML, scripts or frames: nothing may load from it or frame it. The web app
   * (its own security chain) sets its own, stricter-where-needed policy.
   */
  public static final String API_CONTENT_SECURITY_POLICY =
      "default-src 'none'; frame-ancestors 'none'; base-uri 'none'; form-action 'none'";

  /**
   * @param localMode the local platform runs on plain http, where a browser would ignore HSTS and a
   *     developer's other local sites would be pinned to https by it
   */
  public static ServerHttpSecurity apply(
      ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, boolean localMode) {
    return headers(http, API_CONTENT_SECURITY_POLICY, localMode)
        .csrf(ServerHttpSecurity.CsrfSpec::disable)
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
   * The response headers every chain sets: this content security policy, no referrer, no framing,
   * no content sniffing, and HSTS outside local mode.
   */
  public static ServerHttpSecurity headers(
      ServerHttpSecurity http, String contentSecurityPolicy, boolean localMode) {
    return http.headers(
        headers -> {
          headers
              .contentSecurityPolicy(csp -> csp.policyDirectives(contentSecurityPolicy))
              .referrerPolicy(
                  referrer ->
                      referrer.policy(
                          ReferrerPolicyServerHttpHeadersWriter.ReferrerPolicy.NO_REFERRER))
              .frameOptions(frames -> frames.mode(XFrameOptionsServerHttpHeadersWriter.Mode.DENY))
              .contentTypeOptions(Customizer.withDefaults())
              // Spring writes HSTS only on https requests; behind a proxy that ends TLS
              // every request arrives as http, so the header is written whatever the scheme.
              .hsts(ServerHttpSecurity.HeaderSpec.HstsSpec::disable);
          if (!localMode) {
            headers.writer(
                exchange -> {
                  exchange
                      .getResponse()
                      .getHeaders()
                      .set("Strict-Transport-Security", "max-age=31536000; includeSubDomains");
                  return Mono.empty();
                });
          }
        });
  }

  /**
   * Allows a person to reach paths under their own profile ({@code {profileId}} equals the token's
   * subject, and the token is a person's), and an operator to read anyone's: operators support
   * people, they never act as them, so an operator's change is refused.
   */
  public static Mono<AuthorizationResult> ownerOrOperator(
      Mono<Authentication> authentication, AuthorizationContext context) {
    Object profileId = context.getVariables().get(PROFILE_ID);
    return ownerOrOperatorReading(authentication, context, Role.STUDENT, profileId);
  }

  /**
   * The owner ({@code ownerId} equals the caller's id and the caller has {@code ownerRole}) may do
   * anything; an operator may only read (GET or HEAD).
   */
  public static Mono<AuthorizationResult> ownerOrOperatorReading(
      Mono<Authentication> authentication,
      AuthorizationContext context,
      Role ownerRole,
      Object ownerId) {
    boolean reading = isRead(context.getExchange().getRequest().getMethod());
    return authentication
        .filter(Authentication::isAuthenticated)
        .<AuthorizationResult>map(
            auth ->
                new AuthorizationDecision(
                    (hasRole(auth, ownerRole) && callerId(auth).equals(ownerId))
                        || (reading && isOperator(auth))))
        .defaultIfEmpty(new AuthorizationDecision(false));
  }

  public static boolean isRead(HttpMethod method) {
    return HttpMethod.GET.equals(method) || HttpMethod.HEAD.equals(method);
  }

  /** The caller's role, from its {@code ROLE_} authority; empty when it has none. */
  public static java.util.Optional<Role> roleOf(Authentication authentication) {
    return java.util.Arrays.stream(Role.values())
        .filter(role -> hasRole(authentication, role))
        .findFirst();
  }

  public static boolean hasRole(Authentication authentication, Role role) {
    return authentication.getAuthorities().stream()
        .anyMatch(a -> a.getAuthority().equals(role.authority()));
  }

  /**
   * The id of whoever calls: a token's subject, or the owner behind an API key (whose principal is
   * a {@link java.security.Principal} naming its owner).
   */
  public static String callerId(Authentication authentication) {
    Object principal = authentication.getPrincipal();
    if (principal instanceof Jwt jwt) {
      return jwt.getSubject();
    }
    if (principal instanceof java.security.Principal named) {
      return named.getName();
    }
    return authentication.getName();
  }

  public static boolean isOperator(Authentication authentication) {
    return hasRole(authentication, Role.OPERATOR);
  }
}
