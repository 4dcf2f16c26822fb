package org.skillway.ingest.system;

import org.skillway.ingest.apikey.ApiKeyAuthentication;
import org.skillway.support.Role;
import org.skillway.support.SecretsCheck;
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
 * a bearer identity token. Registration and sign-in are the only open endpoints.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  @Bean
  SecurityWebFilterChain securityWebFilterChain(
      ServerHttpSecurity http,
      ApiKeyAuthentication apiKeys,
      ReactiveJwtDecoder jwtDecoder,
      SecretsCheck secrets) {
    // The decoder refuses signed-out tokens and those of deleted accounts (AccessRevocations).
    return SecurityDefaults.apply(http, jwtDecoder, secrets.localMode())
        .addFilterAt(apiKeys.filter(), SecurityWebFiltersOrder.AUTHENTICATION)
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(SecurityDefaults.OPEN_OPERATIONAL_PATHS)
                    .permitAll()
                    .pathMatchers(
                        HttpMethod.POST,
                        "/api/v1/accounts",
                        "/api/v1/account-claims",
                        "/api/v1/sessions")
                    .permitAll()
                    // The API's description is public, like any published API reference.
                    .pathMatchers(HttpMethod.GET, "/v3/api-docs", "/v3/api-docs/**")
                    .permitAll()
                    .pathMatchers("/api/v1/profiles/{profileId}/**", "/api/v1/profiles/{profileId}")
                    .access(SecurityDefaults::ownerOrOperator)
                    .pathMatchers(HttpMethod.DELETE, "/api/v1/sessions/current")
                    .hasRole(Role.STUDENT.name())
                    .pathMatchers("/api/v1/cohorts/**")
                    .hasRole(Role.UNIVERSITY.name())
                    .pathMatchers("/api/v1/admin/**")
                    .hasRole(Role.OPERATOR.name())
                    .pathMatchers("/api/v1/api-keys", "/api/v1/api-keys/**")
                    .hasAnyRole(Role.EMPLOYER.name(), Role.UNIVERSITY.name())
                    .pathMatchers("/api/v1/vacancies", "/api/v1/vacancies/**")
                    .hasRole(Role.EMPLOYER.name())
                    .pathMatchers(HttpMethod.POST, "/api/v1/tokens")
                    .hasAnyRole(Role.EMPLOYER.name(), Role.UNIVERSITY.name(), Role.OPERATOR.name())
                    .anyExchange()
                    .authenticated())
        .build();
  }
}
