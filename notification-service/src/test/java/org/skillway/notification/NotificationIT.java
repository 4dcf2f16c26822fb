package org.skillway.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillway.events.EventSchemas;
import org.skillway.events.Topic;
import org.skillway.infra.TestInfrastructure;
import org.skillway.infra.TopicReader;
import org.skillway.support.IdentityTokens;
import org.skillway.support.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * notification-service fed with the published MatchFound example through a real broker, storing in
 * a real MongoDB wire server. The test plays matching-service; tokens are minted with the same key
 * ingest uses.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=" + NotificationApplication.CONFIG_NAME)
class NotificationIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static KafkaProducer<String, byte[]> producer;
  private static TopicReader deadLetters;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.shared()
        .springProperties("notification-it")
        .forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;
  @Autowired IdentityTokens tokens;
  WebTestClient http;

  @BeforeAll
  static void connect() {
    String kafka = TestInfrastructure.shared().kafkaBootstrapServers();
    producer = TestInfrastructure.shared().rawProducer();
    deadLetters = new TopicReader(kafka, Topic.MATCHES_DEAD_LETTERS.topicName());
  }

  @AfterAll
  static void disconnect() {
    producer.close();
    deadLetters.close();
  }

  @BeforeEach
  void client() {
    http =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            // A cold JVM on two shared cores can take longer than the default 5 s to answer.
            .responseTimeout(java.time.Duration.ofSeconds(20))
            .build();
  }

  private static byte[] matchFound(String profileId) {
    return new String(EventSchemas.example("MatchFound.json"), StandardCharsets.UTF_8)
        .replace("example-profile-1", profileId)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void send(String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(Topic.MATCHES.topicName(), key, value)).get();
  }

  private List<Map<String, Object>> notificationsOf(String profileId) {
    Map<?, ?> page =
        http.get()
            .uri("/api/v1/profiles/{id}/notifications", profileId)
            .headers(h -> h.setBearerAuth(tokens.issue(profileId, Role.STUDENT)))
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> items = (List<Map<String, Object>>) page.get("items");
    return items;
  }

  @Test
  void aMatchBecomesAnInAppNotificationWithItsReasonsAndGaps() throws Exception {
    String profileId = "p-" + UUID.randomUUID();

    send(profileId, matchFound(profileId));

    await().atMost(WAIT).until(() -> notificationsOf(profileId).size() == 1);
    Map<String, Object> notification = notificationsOf(profileId).get(0);
    assertThat(notification)
        .containsEntry("title", "New match: Junior Java developer")
        .containsEntry(
            "body",
            "\u201cJunior Java developer\u201d is a 67% match for you."
                + " Skills you have: java, sql. Your university vouches for java. Skills to build: git.")
        .containsEntry("score", 67)
        .containsEntry("matchedSkills", List.of("java", "sql"))
        .containsEntry("missingSkills", List.of("git"))
        .containsEntry("vacancyId", "example-vacancy-1")
        .containsEntry("read", false);
  }

  @Test
  void aRedeliveredMatchEventDoesNotNotifyTwice() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    byte[] laterMatch =
        new String(matchFound(profileId), StandardCharsets.UTF_8)
            .replace("example-vacancy-1", "later-vacancy")
            .getBytes(StandardCharsets.UTF_8);

    send(profileId, matchFound(profileId));
    send(profileId, matchFound(profileId));
    send(profileId, matchFound(profileId));
    // Same key, same partition: once the later match is notified, every repeat before it was
    // handled.
    send(profileId, laterMatch);

    await()
        .atMost(WAIT)
        .until(
            () ->
                notificationsOf(profileId).stream()
                    .anyMatch(n -> "later-vacancy".equals(n.get("vacancyId"))));
    assertThat(notificationsOf(profileId))
        .extracting(n -> n.get("vacancyId"))
        .containsExactlyInAnyOrder("example-vacancy-1", "later-vacancy");
  }

  @Test
  void aPersonIsToldInPlainWordsWhenARoleTheyWereToldAboutCloses() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    byte[] withdrawn =
        new String(EventSchemas.example("MatchWithdrawn.json"), StandardCharsets.UTF_8)
            .replace("example-profile-1", profileId)
            .getBytes(StandardCharsets.UTF_8);

    send(profileId, matchFound(profileId));
    send(profileId, withdrawn);

    await()
        .atMost(WAIT)
        .until(
            () ->
                notificationsOf(profileId).stream()
                    .anyMatch(n -> "MatchWithdrawn".equals(n.get("kind"))));
    assertThat(notificationsOf(profileId))
        .filteredOn(n -> "MatchWithdrawn".equals(n.get("kind")))
        .singleElement()
        .satisfies(
            n ->
                assertThat(n)
                    .containsEntry("title", "No longer available: Junior Java developer")
                    .containsEntry(
                        "body",
                        "The role \u201cJunior Java developer\u201d that we told you about has closed."));
  }

  @Test
  void newNotificationsStreamLiveOverServerSentEventsToARealHttpClient() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    HttpRequest request =
        HttpRequest.newBuilder(
                URI.create("http://127.0.0.1:" + port + "/api/v1/me/notifications/stream"))
            .header("Authorization", "Bearer " + tokens.issue(profileId, Role.STUDENT))
            .header("Accept", "text/event-stream")
            .build();
    HttpResponse<Stream<String>> response =
        HttpClient.newHttpClient().send(request, HttpResponse.BodyHandlers.ofLines());
    assertThat(response.statusCode()).isEqualTo(200);
    assertThat(response.headers().firstValue("Content-Type"))
        .hasValueSatisfying(type -> assertThat(type).startsWith("text/event-stream"));

    send(profileId, matchFound(profileId));

    List<String> lines =
        CompletableFuture.supplyAsync(
                () -> {
                  List<String> read = new ArrayList<>();
                  Iterator<String> it = response.body().iterator();
                  while (it.hasNext()) {
                    String line = it.next();
                    read.add(line);
                    if (line.startsWith("data:")) {
                      break;
                    }
                  }
                  return read;
                })
            .get(WAIT.toSeconds(), TimeUnit.SECONDS);
    response.body().close();
    assertThat(lines).contains("event:MatchFound");
    assertThat(lines.get(lines.size() - 1))
        .contains("\"title\":\"New match: Junior Java developer\"", "\"profileId\":\"" + profileId);
  }

  @Test
  void aPersonMarksANotificationReadAndTheUnreadCountFalls() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    send(profileId, matchFound(profileId));
    await().atMost(WAIT).until(() -> notificationsOf(profileId).size() == 1);
    String id = (String) notificationsOf(profileId).get(0).get("id");

    http.patch()
        .uri("/api/v1/profiles/{p}/notifications/{n}", profileId, id)
        .headers(h -> h.setBearerAuth(tokens.issue(profileId, Role.STUDENT)))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"read\":true}")
        .exchange()
        .expectStatus()
        .isNoContent();

    assertThat(notificationsOf(profileId).get(0)).containsEntry("read", true);
    http.get()
        .uri("/api/v1/profiles/{id}/notifications", profileId)
        .headers(h -> h.setBearerAuth(tokens.issue(profileId, Role.STUDENT)))
        .exchange()
        .expectBody()
        .jsonPath("$.unread")
        .isEqualTo(0);
    http.patch()
        .uri("/api/v1/profiles/{p}/notifications/{n}", profileId, id)
        .headers(h -> h.setBearerAuth(tokens.issue("someone-else", Role.STUDENT)))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"read\":false}")
        .exchange()
        .expectStatus()
        .isForbidden();
  }

  @Test
  void aPersonCannotReadAnotherPersonsNotifications() {
    http.get()
        .uri("/api/v1/profiles/{id}/notifications", "someone-else")
        .headers(h -> h.setBearerAuth(tokens.issue("me", Role.STUDENT)))
        .exchange()
        .expectStatus()
        .isForbidden()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void withoutATokenNothingIsShown() {
    http.get()
        .uri("/api/v1/profiles/{id}/notifications", "me")
        .exchange()
        .expectStatus()
        .isUnauthorized()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
    http.get()
        .uri("/api/v1/profiles/{id}/notifications", "me")
        .headers(h -> h.setBearerAuth("not.a.token"))
        .exchange()
        .expectStatus()
        .isUnauthorized();
  }

  @Test
  void anOperatorCanReadAnyPersonsNotifications() {
    http.get()
        .uri("/api/v1/profiles/{id}/notifications", "anyone")
        .headers(h -> h.setBearerAuth(tokens.issue("ops-1", Role.OPERATOR)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.items")
        .isEmpty();
  }

  @Test
  void aPoisonMatchEventIsDeadLetteredWithItsReasonAndLaterEventsStillArrive() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    byte[] unknownType =
        new String(matchFound(profileId), StandardCharsets.UTF_8)
            .replace("\"MatchFound\"", "\"MatchExploded\"")
            .getBytes(StandardCharsets.UTF_8);

    send(profileId, unknownType);
    send(profileId, matchFound(profileId));

    ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> profileId.equals(r.key()), WAIT);
    assertThat(
            new String(
                dead.headers().lastHeader("kafka_dlt-exception-message").value(),
                StandardCharsets.UTF_8))
        .contains("unknown event type 'MatchExploded'");
    await().atMost(WAIT).until(() -> notificationsOf(profileId).size() == 1);
  }
}
