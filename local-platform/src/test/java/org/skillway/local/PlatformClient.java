package org.skillway.local;

import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.springframework.test.web.reactive.server.WebTestClient;

/** Drives the platform over HTTP as the README's curl examples do. */
final class PlatformClient {
  static final String DEMO_EMPLOYER_KEY = "demo-employer-key-northwest-digital";

  private final WebTestClient ingest;
  private final WebTestClient notification;
  private final WebTestClient matching;

  PlatformClient(ServiceSet services) {
    ingest = client(services.ingestPort());
    notification = client(services.notificationPort());
    matching = client(services.matchingPort());
  }

  private static WebTestClient client(int port) {
    return WebTestClient.bindToServer()
        .baseUrl("http://127.0.0.1:" + port)
        .responseTimeout(Duration.ofSeconds(15))
        .build();
  }

  String postVacancy(String title, List<Map<String, Object>> requiredSkills) {
    Map<?, ?> body =
        ingest
            .post()
            .uri("/api/v1/vacancies")
            .header("X-API-Key", DEMO_EMPLOYER_KEY)
            .bodyValue(
                Map.of(
                    "title",
                    title,
                    "kind",
                    "PLACEMENT",
                    "requiredSkills",
                    requiredSkills,
                    "outcode",
                    "LA1",
                    "closingDate",
                    LocalDate.now().plusMonths(2).toString()))
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return (String) body.get("vacancyId");
  }

  /**
   * Posts a vacancy with the demo employer's key: a placement in LA1 closing in two months, unless
   * {@code fields} say otherwise.
   */
  String postVacancy(Map<String, Object> fields) {
    Map<String, Object> body =
        new java.util.HashMap<>(
            Map.of(
                "kind", "PLACEMENT",
                "outcode", "LA1",
                "closingDate", LocalDate.now().plusMonths(2).toString()));
    body.putAll(fields);
    Map<?, ?> created =
        ingest
            .post()
            .uri("/api/v1/vacancies")
            .header("X-API-Key", DEMO_EMPLOYER_KEY)
            .bodyValue(body)
            .exchange()
            .expectStatus()
            .isCreated()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return (String) created.get("vacancyId");
  }

  /** Registers a student account and profile; returns the profile id and a bearer token. */
  Map<?, ?> register(List<Map<String, Object>> skills) {
    return register(
        Map.of(
            "pathway",
            "STUDENT",
            "student",
            Map.of("stage", "UNDERGRADUATE"),
            "skills",
            skills,
            "outcode",
            "LA2",
            "consentToMatch",
            true));
  }

  /** Registers an account with this profile; returns the profile id and a bearer token. */
  Map<?, ?> register(Map<String, Object> profile) {
    return ingest
        .post()
        .uri("/api/v1/accounts")
        .bodyValue(
            Map.of(
                "email",
                "person-" + UUID.randomUUID() + "@example.org",
                "password",
                "correct horse battery staple",
                "profile",
                profile))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }

  List<Map<String, Object>> notifications(Map<?, ?> registration) {
    return ownList(notification, "/api/v1/profiles/{id}/notifications", registration, "items");
  }

  /** The person's matches as matching-service gives them, best first. */
  List<Map<String, Object>> matches(Map<?, ?> registration) {
    return ownList(matching, "/api/v1/profiles/{id}/matches", registration, "matches");
  }

  /** A list the registered person reads about themselves with their own token. */
  @SuppressWarnings("unchecked")
  private static List<Map<String, Object>> ownList(
      WebTestClient service, String path, Map<?, ?> registration, String field) {
    Map<?, ?> page =
        service
            .get()
            .uri(path, registration.get("profileId"))
            .headers(h -> h.setBearerAuth((String) registration.get("accessToken")))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return (List<Map<String, Object>>) page.get(field);
  }

  static Map<String, Object> skill(String id, int level) {
    return Map.of("skillId", id, "level", level);
  }
}
