package org.skillway.ingest.system;

import org.skillway.ingest.apikey.ApiKeyAuthentication;
import org.skillway.support.IdentityTokens;
import org.skillway.support.ProblemResponses;
import org.skillway.support.Role;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;

/**
 * Who may call what. Employers and universities authenticate with an {@code X-API-Key}; people with a bearer
 * identity token. Registration is the one open endpoint. Health and metrics are open for probes and Prometheus
 * (in Kubernetes they are reachable only inside the cluster).
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  @Bean
  SecurityWebFilterChain securityWebFilterChain(
      ServerHttpSecurity http, ApiKeyAuthentication apiKeys, ReactiveJwtDecoder jwtDecoder) {
    return http.csrf(ServerHttpSecurity.CsrfSpec::disable)
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        .addFilterAt(apiKeys.filter(), SecurityWebFiltersOrder.AUTHENTICATION)
        .oauth2ResourceServer(
            oauth ->
                oauth
                    .jwt(
                        jwt ->
                            jwt.jwtDecoder(jwtDecoder)
                                .jwtAuthenticationConverter(IdentityTokens.authenticationConverter()))
                    .authenticationEntryPoint(ProblemResponses.unauthenticated())
                    .accessDeniedHandler(ProblemResponses.forbidden()))
        .exceptionHandling(
            errors ->
                errors
                    .authenticationEntryPoint(ProblemResponses.unauthenticated())
                    .accessDeniedHandler(ProblemResponses.forbidden()))
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers("/actuator/health/**", "/actuator/prometheus")
                    .permitAll()
                    .pathMatchers(HttpMethod.POST, "/api/v1/profiles")
                    .permitAll()
                    .pathMatchers("/api/v1/vacancies/**")
                    .hasRole(Role.EMPLOYER.name())
                    .anyExchange()
                    .authenticated())
        .build();
  }
}
