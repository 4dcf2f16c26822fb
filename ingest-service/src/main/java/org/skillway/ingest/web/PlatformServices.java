package org.skillway.ingest.web;

import com.fasterxml.jackson.annotation.JsonIgnoreProperties;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.skillway.ingest.system.IngestProperties;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
import org.springframework.core.ParameterizedTypeReference;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.MediaType;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.ClientResponse;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What the pages read from matching-service and notification-service: over their HTTP APIs, with
 * the signed-in person's own token, so those services' rules decide what the person may see.
 */
@Component
public class PlatformServices {
  private final WebClient matching;
  private final WebClient notification;
  private final Duration timeout;

  PlatformServices(IngestProperties properties) {
    IngestProperties.Services services = properties.services();
    this.matching = WebClient.builder().baseUrl(services.matchingUrl()).build();
    this.notification = WebClient.builder().baseUrl(services.notificationUrl()).build();
    this.timeout = services.timeout();
  }

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record ScorePart(String name, int points, int maxPoints, String reason) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record PathwayStep(
      String missingSkill,
      String kind,
      String vacancyId,
      String title,
      String relatedSkill,
      String fromOccupation,
      String toOccupation) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record TransferableSkill(String needed, String has, String proximity) {}

  /** A match as matching-service shows it to the person. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record MatchJson(
      String matchId,
      String vacancyId,
      String vacancyTitle,
      String employerId,
      String employerName,
      String status,
      int score,
      List<ScorePart> parts,
      List<String> matchedSkills,
      List<String> missingSkills,
      List<String> evidencedSkills,
      List<TransferableSkill> transferableSkills,
      List<PathwayStep> pathways) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record MatchList(List<MatchJson> matches) {}

  /** An in-app notification as notification-service keeps it. */
  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Notice(
      String id,
      String kind,
      String vacancyId,
      String title,
      String body,
      int score,
      Instant createdAt,
      boolean read) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record NoticePage(long unread, List<Notice> items) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record QuietHours(String start, String end) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  public record Preferences(
      String email,
      Set<String> channels,
      String frequency,
      QuietHours quietHours,
      Integer minimumScore) {}

  @JsonIgnoreProperties(ignoreUnknown = true)
  private record Problem(String detail, List<FieldError> errors) {}

  Mono<List<MatchJson>> matches(String token, String profileId) {
    return matching
        .get()
        .uri("/api/v1/profiles/{id}/matches", profileId)
        .headers(h -> h.setBearerAuth(token))
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .onStatus(HttpStatusCode::isError, PlatformServices::problem)
        .bodyToMono(MatchList.class)
        .map(MatchList::matches)
        .timeout(timeout);
  }

  Mono<NoticePage> notifications(String token, String profileId) {
    return notification
        .get()
        .uri("/api/v1/profiles/{id}/notifications?size=50", profileId)
        .headers(h -> h.setBearerAuth(token))
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .onStatus(HttpStatusCode::isError, PlatformServices::problem)
        .bodyToMono(NoticePage.class)
        .timeout(timeout);
  }

  Mono<Void> markRead(String token, String profileId, String notificationId) {
    return notification
        .patch()
        .uri("/api/v1/profiles/{id}/notifications/{n}", profileId, notificationId)
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(Map.of("read", true))
        .retrieve()
        .onStatus(HttpStatusCode::isError, PlatformServices::problem)
        .toBodilessEntity()
        .timeout(timeout)
        .then();
  }

  Mono<Preferences> preferences(String token, String profileId) {
    return notification
        .get()
        .uri("/api/v1/profiles/{id}/preferences", profileId)
        .headers(h -> h.setBearerAuth(token))
        .accept(MediaType.APPLICATION_JSON)
        .retrieve()
        .onStatus(HttpStatusCode::isError, PlatformServices::problem)
        .bodyToMono(Preferences.class)
        .timeout(timeout);
  }

  /**
   * @throws ApiProblemException (as the error signal) naming the fields notification-service
   *     refused
   */
  Mono<Void> savePreferences(String token, String profileId, Preferences chosen) {
    return notification
        .put()
        .uri("/api/v1/profiles/{id}/preferences", profileId)
        .headers(h -> h.setBearerAuth(token))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(chosen)
        .retrieve()
        .onStatus(HttpStatusCode::isError, PlatformServices::problem)
        .toBodilessEntity()
        .timeout(timeout)
        .then();
  }

  /** The person's new notifications as notification-service streams them (with keep-alives). */
  Flux<ServerSentEvent<String>> live(String token) {
    return notification
        .get()
        .uri("/api/v1/me/notifications/stream")
        .header(HttpHeaders.AUTHORIZATION, "Bearer " + token)
        .accept(MediaType.TEXT_EVENT_STREAM)
        .retrieve()
        .bodyToFlux(new ParameterizedTypeReference<ServerSentEvent<String>>() {});
  }

  private static Mono<Throwable> problem(ClientResponse response) {
    HttpStatus status = HttpStatus.resolve(response.statusCode().value());
    HttpStatus known = status == null ? HttpStatus.BAD_GATEWAY : status;
    if (known.is5xxServerError()) {
      return Mono.just(new IllegalStateException("a Skillway service answered " + known.value()));
    }
    return response
        .bodyToMono(Problem.class)
        .defaultIfEmpty(new Problem(known.getReasonPhrase(), List.of()))
        .map(
            p ->
                new ApiProblemException(
                    known,
                    p.detail() == null ? known.getReasonPhrase() : p.detail(),
                    p.errors() == null ? List.of() : p.errors()));
  }
}
