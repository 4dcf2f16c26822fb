package org.skillway.matching.system;

import org.skillway.support.Role;
import org.skillway.support.SecretsCheck;
import org.skillway.support.SecurityDefaults;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Every request needs an identity token issued by ingest-service. A person sees only their own
 * matches; an employer only those of their own vacancies (checked against the stored vacancy in the
 * controller); operators see all. Only probes and metrics are open.
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
                    .pathMatchers("/api/v1/profiles/{profileId}/**")
                    .access(SecurityDefaults::ownerOrOperator)
                    // Read-only: an employer sees their own vacancies' matches (checked against
                    // the stored vacancy in the controller), an operator any, to support them.
                    .pathMatchers(HttpMethod.GET, "/api/v1/vacancies/**")
                    .hasAnyRole(Role.EMPLOYER.name(), Role.OPERATOR.name())
                    .anyExchange()
                    .authenticated())
        .build();
  }
}
