package org.skillway.ingest.export;

import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.Map;
import org.skillway.ingest.system.IngestProperties;
import org.skillway.ingest.token.TokenIssuer;
import org.skillway.support.ApiProblemException;
import org.skillway.support.Role;
import org.skillway.support.SecurityDefaults;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.ContentDisposition;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/me/export}: everything Skillway holds about the caller, as one JSON document
 * to download. ingest adds what it holds to what matching-service and notification-service each
 * export from their own stores. Those are asked with the caller's own authority: a person's own
 * bearer token, or, for an employer or university calling with an API key, a token just issued for
 * the same owner, so neither service ever shows more than the caller may see. The web app's
 * "Download your data" serves the same document.
 */
@RestController
public class ExportController {
  private static final ParameterizedTypeReference<Map<String, Object>> JSON_OBJECT =
      new ParameterizedTypeReference<>() {};

  private final OwnRecords own;
  private final TokenIssuer tokens;
  private final WebClient http;
  private final IngestProperties.Services services;
  private final Clock clock;

  ExportController(OwnRecords own, TokenIssuer tokens, IngestProperties properties, Clock clock) {
    this.own = own;
    this.tokens = tokens;
    this.services = properties.services();
    this.http = WebClient.builder().build();
    this.clock = clock;
  }

  @GetMapping(value = "/api/v1/me/export", produces = MediaType.APPLICATION_JSON_VALUE)
  public Mono<ResponseEntity<Map<String, Object>>> export(Authentication caller) {
    String subject = SecurityDefaults.callerId(caller);
    Role role =
        SecurityDefaults.roleOf(caller)
            .orElseThrow(
                () ->
                    new ApiProblemException(
                        HttpStatus.FORBIDDEN, "This caller has no role", java.util.List.of()));
    String bearer = bearerFor(caller, subject, role);
    return Mono.zip(
            own.of(subject, role),
            fetch(services.matchingUrl(), bearer, "matching-service"),
            fetch(services.notificationUrl(), bearer, "notification-service"))
        .map(
            parts -> {
              Map<String, Object> document = new LinkedHashMap<>();
              document.put("subject", subject);
              document.put("role", role.name());
              document.put("exportedAt", clock.instant().toString());
              document.put(
                  "about",
                  "Everything Skillway holds about you, from each of its services. Password"
                      + " and key hashes are left out: they prove who you are, and say nothing"
                      + " about you.");
              document.put("ingest-service", parts.getT1());
              document.put("matching-service", parts.getT2());
              document.put("notification-service", parts.getT3());
              return ResponseEntity.ok()
                  .header(
                      HttpHeaders.CONTENT_DISPOSITION,
                      ContentDisposition.attachment()
                          .filename("skillway-export.json")
                          .build()
                          .toString())
                  .header(HttpHeaders.CACHE_CONTROL, "no-store")
                  .body(document);
            });
  }

  private Mono<Map<String, Object>> fetch(String baseUrl, String bearer, String service) {
    return http.get()
        .uri(baseUrl + "/api/v1/me/export")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .bodyToMono(JSON_OBJECT)
        .timeout(services.timeout())
        .onErrorMap(
            failure ->
                new ApiProblemException(
                    HttpStatus.SERVICE_UNAVAILABLE,
                    "Your export could not be put together: "
                        + service
                        + " did not answer. Nothing is missing from what we hold; try again"
                        + " shortly.",
                    java.util.List.of()));
  }

  private String bearerFor(Authentication caller, String subject, Role role) {
    if (caller.getPrincipal() instanceof org.springframework.security.oauth2.jwt.Jwt jwt) {
      return jwt.getTokenValue();
    }
    return tokens.issue(subject, role).accessToken();
  }
}
