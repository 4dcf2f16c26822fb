package org.skillway.notification.system;

import org.skillway.support.Role;
import org.skillway.support.SecretsCheck;
import org.skillway.support.SecurityDefaults;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.authorization.AuthorizationResult;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.core.Authentication;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authorization.AuthorizationContext;
import reactor.core.publisher.Mono;

/**
 * A person reads and changes only their own notifications and preferences (the token's subject is
 * their profile id); an employer manages only their own webhook (subject = employer id, role
 * EMPLOYER); operators may read either, to support them, and change neither. An unsubscribe link
 * carries its own signed token, so it needs no sign-in.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  @Bean
  SecurityWebFilterChain securityWebFilterChain(
      ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, SecretsCheck secrets) {
    return SecurityDefaults.apply(http, jwtDecoder, secrets.localMode())
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(SecurityDefaults.OPEN_OPERATIONAL_PATHS)
                    .permitAll()
                    .pathMatchers(HttpMethod.GET, "/api/v1/unsubscribe")
                    .permitAll()
                    .pathMatchers(HttpMethod.POST, "/api/v1/unsubscribe")
                    .permitAll()
                    .pathMatchers("/api/v1/profiles/{profileId}/**")
                    .access(SecurityDefaults::ownerOrOperator)
                    .pathMatchers("/api/v1/employers/{employerId}/**")
                    .access(SecurityConfiguration::employerOrOperator)
                    .anyExchange()
                    .authenticated())
        .build();
  }

  static Mono<AuthorizationResult> employerOrOperator(
      Mono<Authentication> authentication, AuthorizationContext context) {
    return SecurityDefaults.ownerOrOperatorReading(
        authentication, context, Role.EMPLOYER, context.getVariables().get("employerId"));
  }
}
