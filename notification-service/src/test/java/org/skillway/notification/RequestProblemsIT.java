package org.skillway.notification;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;
import org.skillway.infra.TestInfrastructure;
import org.skillway.support.IdentityTokens;
import org.skillway.support.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpMethod;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Requests an outside probe sent: bad paging, unknown notifications, wrong types, out-of-range
 * numbers and webhook URLs aimed at this machine or a private network. Each is answered with a 4xx
 * problem naming the field, never a 500, and nothing is stored. The webhook address policy is on,
 * as in production (private addresses refused, https only).
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=" + NotificationApplication.CONFIG_NAME,
      "skillway.notification.group-id=skillway-notification-request-problems-it"
    })
class RequestProblemsIT {
  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.shared()
        .springProperties("request-problems-it")
        .forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;
  @Autowired IdentityTokens tokens;
  @Autowired ReactiveMongoTemplate mongo;
  WebTestClient http;
  String profileId;

  @BeforeEach
  void client() {
    http =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            // A cold JVM on two shared cores can take longer than the default 5 s to answer.
            .responseTimeout(java.time.Duration.ofSeconds(20))
            .build();
    profileId = "p-" + UUID.randomUUID();
  }

  private WebTestClient.ResponseSpec as(
      String subject, Role role, HttpMethod method, String uri, String json) {
    WebTestClient.RequestBodySpec request =
        http.method(method).uri(uri).headers(h -> h.setBearerAuth(tokens.issue(subject, role)));
    return json == null
        ? request.exchange()
        : request.contentType(MediaType.APPLICATION_JSON).bodyValue(json).exchange();
  }

  /** Asserts a problem+json answer with this status naming {@code field}; returns its reason. */
  private static String problem(WebTestClient.ResponseSpec response, int status, String field) {
    Map<?, ?> body =
        response
            .expectStatus()
            .isEqualTo(status)
            .expectHeader()
            .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    assertThat(body.get("status")).isEqualTo(status);
    if (field == null) {
      return (String) body.get("detail");
    }
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> errors = (List<Map<String, Object>>) body.get("errors");
    assertThat(errors).as("errors of %s", body).isNotNull();
    assertThat(errors).extracting(e -> e.get("field")).containsExactly(field);
    return (String) errors.get(0).get("reason");
  }

  @ParameterizedTest
  @CsvSource({
    "page=-1, page",
    "page=abc, page",
    "page=1.5, page",
    "page=99999999999999999999, page",
    "size=0, size",
    "size=-5, size",
    "size=100000, size",
    "size=abc, size"
  })
  void badPagingIsAProblemNamingTheParameter(String query, String field) {
    String reason =
        problem(
            as(
                profileId,
                Role.STUDENT,
                HttpMethod.GET,
                "/api/v1/profiles/" + profileId + "/notifications?" + query,
                null),
            400,
            field);
    assertThat(reason).startsWith("must be a whole number from ");
  }

  @Test
  void theLargestPageSizeIsAccepted() {
    as(
            profileId,
            Role.STUDENT,
            HttpMethod.GET,
            "/api/v1/profiles/" + profileId + "/notifications?page=0&size=100",
            null)
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.size")
        .isEqualTo(100);
  }

  @Test
  void markingAnUnknownNotificationIsA404Problem() {
    String detail =
        problem(
            as(
                profileId,
                Role.STUDENT,
                HttpMethod.PATCH,
                "/api/v1/profiles/" + profileId + "/notifications/no-such-id",
                "{\"read\":true}"),
            404,
            null);
    assertThat(detail).isEqualTo("No such notification");
  }

  @ParameterizedTest
  @ValueSource(strings = {"{}", "{\"read\":null}", "{\"read\":\"maybe\"}"})
  void markingWithoutATrueOrFalseIsAProblemNamingRead(String json) {
    problem(
        as(
            profileId,
            Role.STUDENT,
            HttpMethod.PATCH,
            "/api/v1/profiles/" + profileId + "/notifications/any",
            json),
        400,
        "read");
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"minimumScore\":101}|minimumScore",
        "{\"minimumScore\":-1}|minimumScore",
        "{\"minimumScore\":50.5}|minimumScore",
        "{\"minimumScore\":99999999999999999999999}|minimumScore",
        "{\"minimumScore\":\"high\"}|minimumScore",
        "{\"minimumScore\":[1]}|minimumScore",
        "{\"channels\":[\"SMS\"]}|channels[0]",
        "{\"channels\":[null]}|channels[0]",
        "{\"channels\":\"EMAIL\"}|channels",
        "{\"channels\":[\"WEBHOOK\"]}|channels",
        "{\"frequency\":\"HOURLY\"}|frequency",
        "{\"quietHours\":{\"start\":\"25:00\",\"end\":\"08:00\"}}|quietHours.start",
        "{\"quietHours\":{\"start\":\"21:00\"}}|quietHours.end",
        "{\"quietHours\":{\"start\":\"21:00\",\"end\":7}}|quietHours.end",
        "{\"quietHours\":\"21:00-08:00\"}|quietHours",
        "{\"email\":\"not-an-address\",\"channels\":[\"EMAIL\"]}|email",
        "{\"channels\":[\"EMAIL\"]}|email",
        "{\"email\":{\"a\":1}}|email",
        "null|body"
      })
  void badPreferencesAreAProblemNamingTheField(String json, String field) {
    problem(
        as(
            profileId,
            Role.STUDENT,
            HttpMethod.PUT,
            "/api/v1/profiles/" + profileId + "/preferences",
            json),
        400,
        field);
    assertThat(
            mongo
                .exists(
                    org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id")
                            .is(profileId)),
                    "preferences")
                .block())
        .isFalse();
  }

  @Test
  void anOversizedEmailOrQuietHourIsAProblemNamingTheField() {
    String huge = "a".repeat(100_000);
    problem(
        as(
            profileId,
            Role.STUDENT,
            HttpMethod.PUT,
            "/api/v1/profiles/" + profileId + "/preferences",
            "{\"email\":\"" + huge + "@example.org\",\"channels\":[\"EMAIL\"]}"),
        400,
        "email");
    problem(
        as(
            profileId,
            Role.STUDENT,
            HttpMethod.PUT,
            "/api/v1/profiles/" + profileId + "/preferences",
            "{\"quietHours\":{\"start\":\"" + huge + "\",\"end\":\"08:00\"}}"),
        400,
        "quietHours.start");
  }

  private WebTestClient.ResponseSpec registerWebhook(String employer, String json) {
    return as(
        employer,
        Role.EMPLOYER,
        HttpMethod.PUT,
        "/api/v1/employers/" + employer + "/webhook",
        json);
  }

  /** The outside probe's URLs, and a few more forms of the same addresses. */
  @ParameterizedTest
  @ValueSource(
      strings = {
        "http://169.254.169.254/latest/meta-data/",
        "https://169.254.169.254/latest/meta-data/",
        "http://127.0.0.1:8080/actuator/env",
        "https://127.0.0.1:8080/actuator/env",
        "https://localhost:27017/",
        "http://[::1]:9092/",
        "https://[::1]:9092/",
        "https://0x7f000001/",
        "https://2130706433/",
        "https://017700000001/",
        "https://10.0.0.1/",
        "https://user:pw@127.0.0.1/",
        "https://[::ffff:127.0.0.1]/",
        "https://0.0.0.0/",
        "https://hooks.example.org/#fragment"
      })
  void aWebhookUrlAimedAtThisMachineOrAPrivateNetworkIsRefused(String url) {
    String employer = "e-" + UUID.randomUUID();

    String reason = problem(registerWebhook(employer, "{\"url\":\"" + url + "\"}"), 400, "url");

    assertThat(reason).doesNotContain("Exception");
    assertThat(
            mongo
                .exists(
                    org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id")
                            .is(employer)),
                    "webhooks")
                .block())
        .isFalse();
  }

  @ParameterizedTest
  @CsvSource(
      delimiter = '|',
      value = {
        "{\"url\":\"https://hooks.example.org/\",\"threshold\":101}|threshold",
        "{\"url\":\"https://hooks.example.org/\",\"threshold\":-1}|threshold",
        "{\"url\":\"https://hooks.example.org/\",\"threshold\":12.5}|threshold",
        "{\"url\":\"https://hooks.example.org/\",\"threshold\":1e40}|threshold",
        "{\"url\":\"https://hooks.example.org/\",\"threshold\":\"high\"}|threshold",
        "{\"threshold\":70}|url",
        "{\"url\":null}|url",
        "{\"url\":[\"https://hooks.example.org/\"]}|url",
        "{\"url\":\"not a url\"}|url",
        "null|body"
      })
  void aBadWebhookRegistrationIsAProblemNamingTheField(String json, String field) {
    problem(registerWebhook("e-" + UUID.randomUUID(), json), 400, field);
  }

  @Test
  void anOversizedWebhookUrlIsAProblemNamingUrl() {
    String reason =
        problem(
            registerWebhook(
                "e-" + UUID.randomUUID(),
                "{\"url\":\"https://hooks.example.org/" + "a".repeat(100_000) + "\"}"),
            400,
            "url");
    assertThat(reason).isEqualTo("must be at most 2048 characters");
  }
}
