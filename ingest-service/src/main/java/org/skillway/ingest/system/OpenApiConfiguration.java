package org.skillway.ingest.system;

import io.swagger.v3.oas.models.Components;
import io.swagger.v3.oas.models.OpenAPI;
import io.swagger.v3.oas.models.info.Info;
import io.swagger.v3.oas.models.info.License;
import io.swagger.v3.oas.models.security.SecurityRequirement;
import io.swagger.v3.oas.models.security.SecurityScheme;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;

/**
 * The OpenAPI 3 document of this service's API, served at {@code /v3/api-docs} (springdoc, from the
 * controllers themselves). A copy is kept in {@code docs/openapi/ingest-service.json}, and a test
 * fails when the two disagree.
 */
@Configuration(proxyBeanMethods = false)
class OpenApiConfiguration {
  static final String API_KEY = "apiKey";
  static final String BEARER = "bearerToken";

  @Bean
  OpenAPI skillwayIngestApi() {
    return new OpenAPI()
        .info(
            new Info()
                .title("Skillway ingest API")
                .version("v1")
                .description(
                    "Student accounts and profiles, employers' vacancies and API keys, and"
                        + " universities' cohort uploads. Errors are RFC 9457"
                        + " application/problem+json, naming each field at fault.")
                .license(new License().name("Skillway")))
        .components(
            new Components()
                .addSecuritySchemes(
                    API_KEY,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.APIKEY)
                        .in(SecurityScheme.In.HEADER)
                        .name("X-API-Key")
                        .description("An employer's, university's or operator's API key"))
                .addSecuritySchemes(
                    BEARER,
                    new SecurityScheme()
                        .type(SecurityScheme.Type.HTTP)
                        .scheme("bearer")
                        .bearerFormat("JWT")
                        .description("A student's token from sign-in or registration")))
        .addSecurityItem(new SecurityRequirement().addList(API_KEY))
        .addSecurityItem(new SecurityRequirement().addList(BEARER));
  }
}
