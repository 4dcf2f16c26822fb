package org.skillway.notification.system;

import org.skillway.support.SecurityDefaults;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.security.config.web.server.ServerHttpSecurity;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.SecurityWebFilterChain;

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
                    .access(SecurityDefaults::ownerOrOperator)
                    .anyExchange()
                    .authenticated())
        .build();
  }
}
