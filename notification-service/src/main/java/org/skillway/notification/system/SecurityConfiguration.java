package org.skillway.notification.system;

import org.skillway.support.Role;
import org.skillway.support.SecurityDefaults;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.authorization.AuthorizationDecision;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * A person reads only their own notifications (the token's subject is their profile id); operators
 * read any.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  @Bean
  SecurityWebFilterChain securityWebFilterChain(
      ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder) {
    return SecurityDefaults.apply(http, jwtDecoder)
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(SecurityDefaults.OPEN_OPERATIONAL_PATHS)
                    .permitAll()
                    .pathMatchers("/api/v1/profiles/{profileId}/**")
                    .access(SecurityConfiguration::ownerOrOperator)
                    .anyExchange()
                    .authenticated())
        .build();
  }

  static Mono<AuthorizationResult> ownerOrOperator(
      Mono<Authentication> authentication, AuthorizationContext context) {
    Object profileId = context.getVariables().get("profileId");
    return authentication
        .filter(Authentication::isAuthenticated)
        .<AuthorizationResult>map(
            auth ->
                new AuthorizationDecision(
                    auth.getName().equals(profileId)
                        || auth.getAuthorities().stream()
                            .anyMatch(a -> a.getAuthority().equals(Role.OPERATOR.authority()))))
        .defaultIfEmpty(new AuthorizationDecision(false));
  }
}
