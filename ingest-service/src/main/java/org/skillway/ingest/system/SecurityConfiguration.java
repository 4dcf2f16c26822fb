package org.skillway.ingest.system;

import org.skillway.ingest.apikey.ApiKeyAuthentication;
import org.skillway.support.Role;
import org.skillway.support.SecurityDefaults;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

/**
 * Who may call what. Employers and universities authenticate with an {@code X-API-Key}; people with
 * a bearer identity token. Registration is the one open endpoint.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  @Bean
  SecurityWebFilterChain securityWebFilterChain(
      ServerHttpSecurity http, ApiKeyAuthentication apiKeys, ReactiveJwtDecoder jwtDecoder) {
    return SecurityDefaults.apply(http, jwtDecoder)
        .addFilterAt(apiKeys.filter(), SecurityWebFiltersOrder.AUTHENTICATION)
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(SecurityDefaults.OPEN_OPERATIONAL_PATHS)
                    .permitAll()
                    .pathMatchers(HttpMethod.POST, "/api/v1/profiles")
                    .permitAll()
                    .pathMatchers("/api/v1/vacancies/**")
                    .hasRole(Role.EMPLOYER.name())
                    .pathMatchers(HttpMethod.POST, "/api/v1/tokens")
                    .hasAnyRole(Role.EMPLOYER.name(), Role.UNIVERSITY.name())
                    .anyExchange()
                    .authenticated())
        .build();
  }
}
