package org.skillway.ingest.system;

import org.skillway.ingest.apikey.ApiKeyAuthentication;
import org.skillway.ingest.web.SessionCookie;
import org.skillway.ingest.web.SignInRedirect;
import org.skillway.ingest.web.WebErrors;
import org.skillway.ingest.web.WebPaths;
import org.skillway.support.IdentityTokens;
import org.skillway.support.Role;
import org.skillway.support.SecretsCheck;
import org.skillway.support.SecurityDefaults;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.core.Ordered;
import org.springframework.core.annotation.Order;
import org.springframework.http.HttpMethod;
import org.springframework.security.config.web.server.SecurityWebFiltersOrder;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.oauth2.server.resource.authentication.JwtReactiveAuthenticationManager;
import org.springframework.security.web.server.SecurityWebFilterChain;
import org.springframework.security.web.server.authentication.AuthenticationWebFilter;
import org.springframework.security.web.server.authentication.ServerAuthenticationEntryPointFailureHandler;
import org.springframework.security.web.server.context.NoOpServerSecurityContextRepository;
import org.springframework.security.web.server.csrf.CookieServerCsrfTokenRepository;
import org.springframework.security.web.server.util.matcher.NegatedServerWebExchangeMatcher;
import org.springframework.security.web.server.util.matcher.ServerWebExchangeMatchers;

/**
 * Who may call what. Employers and universities authenticate with an {@code X-API-Key}; people with
 * a bearer identity token. Registration and sign-in are the only open endpoints.
 */
@Configuration(proxyBeanMethods = false)
class SecurityConfiguration {
  /**
   * The web app's pages: a signed-in person's token comes from the session cookie (never a header
   * or the address), every form needs its CSRF token (kept in a cookie, so no server session), and
   * a page that needs a person sends anyone else to sign in. Only people's tokens count here.
   */
  @Bean
  @Order(Ordered.HIGHEST_PRECEDENCE)
  SecurityWebFilterChain webPages(
      ServerHttpSecurity http, ReactiveJwtDecoder jwtDecoder, SecretsCheck secrets) {
    boolean secure = !secrets.localMode();
    CookieServerCsrfTokenRepository csrfTokens = new CookieServerCsrfTokenRepository();
    csrfTokens.setCookieName("skillway_csrf");
    csrfTokens.setCookieCustomizer(cookie -> cookie.httpOnly(true).secure(secure).sameSite("Lax"));
    SignInRedirect signIn = new SignInRedirect(secure);
    http.securityMatcher(
        new NegatedServerWebExchangeMatcher(
            ServerWebExchangeMatchers.pathMatchers(WebPaths.NOT_PAGES)));
    return SecurityDefaults.headers(http, WebPaths.CONTENT_SECURITY_POLICY, secrets.localMode())
        .csrf(
            csrf ->
                csrf.csrfTokenRepository(csrfTokens).accessDeniedHandler(WebErrors.expiredForm()))
        .httpBasic(ServerHttpSecurity.HttpBasicSpec::disable)
        .formLogin(ServerHttpSecurity.FormLoginSpec::disable)
        .logout(ServerHttpSecurity.LogoutSpec::disable)
        .securityContextRepository(NoOpServerSecurityContextRepository.getInstance())
        // Not oauth2ResourceServer(): it exempts every request carrying its token from CSRF checks,
        // right for a bearer header but wrong for a cookie, which a browser sends by itself.
        .addFilterAt(sessionCookies(jwtDecoder, signIn), SecurityWebFiltersOrder.AUTHENTICATION)
        .exceptionHandling(
            errors ->
                errors.authenticationEntryPoint(signIn).accessDeniedHandler(WebErrors.notForYou()))
        .authorizeExchange(
            exchanges ->
                exchanges
                    .pathMatchers(WebPaths.SIGNED_IN)
                    .hasRole(Role.STUDENT.name())
                    .anyExchange()
                    .permitAll())
        .build();
  }

  /** Authenticates a page's request by the token in its session cookie, if it has one. */
  private static AuthenticationWebFilter sessionCookies(
      ReactiveJwtDecoder jwtDecoder, SignInRedirect signIn) {
    JwtReactiveAuthenticationManager tokens = new JwtReactiveAuthenticationManager(jwtDecoder);
    tokens.setJwtAuthenticationConverter(IdentityTokens.authenticationConverter());
    AuthenticationWebFilter filter = new AuthenticationWebFilter(tokens);
    filter.setServerAuthenticationConverter(SessionCookie.converter());
    filter.setAuthenticationFailureHandler(
        new ServerAuthenticationEntryPointFailureHandler(signIn));
    filter.setSecurityContextRepository(NoOpServerSecurityContextRepository.getInstance());
    return filter;
  }

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
                    .pathMatchers("/api/v1/organisation")
                    .hasAnyRole(Role.EMPLOYER.name(), Role.UNIVERSITY.name())
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
