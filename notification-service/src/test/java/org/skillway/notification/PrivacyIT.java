package org.skillway.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.apache.kafka.common.utils.Utils;
import org.bson.Document;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillway.events.EventSchemas;
import org.skillway.events.Topic;
import org.skillway.infra.TestInfrastructure;
import org.skillway.infra.TopicReader;
import org.skillway.notification.delivery.Delivery;
import org.skillway.notification.delivery.DeliveryStore;
import org.skillway.notification.preference.Channel;
import org.skillway.notification.webhook.EmployerWebhook;
import org.skillway.notification.webhook.WebhookSecrets;
import org.skillway.notification.webhook.WebhookStore;
import org.skillway.support.IdentityTokens;
import org.skillway.support.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.MediaType;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Erasure and export, through a real broker and a real MongoDB wire server. The test plays ingest
 * (ProfileErased on the profile topic) and matching (match events). E-mails are weekly digests, so
 * they wait as pending deliveries and no SMTP server is needed.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=" + NotificationApplication.CONFIG_NAME,
      "skillway.notification.group-id=skillway-notification-privacy-it"
    })
class PrivacyIT {
  private static final Duration WAIT = Duration.ofSeconds(20);
  private static KafkaProducer<String, byte[]> producer;
  private static TopicReader deadLetters;

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.shared()
        .springProperties("privacy-it")
        .forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;
  @Autowired IdentityTokens tokens;
  @Autowired ReactiveMongoTemplate mongo;
  @Autowired DeliveryStore deliveries;
  @Autowired WebhookStore webhooks;
  @Autowired WebhookSecrets secrets;
  WebTestClient http;

  @BeforeAll
  static void connect() {
    producer = TestInfrastructure.shared().rawProducer();
    deadLetters =
        new TopicReader(
            TestInfrastructure.shared().kafkaBootstrapServers(),
            Topic.PROFILES_NOTIFICATION_DEAD_LETTERS.topicName());
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

  private static byte[] example(String name, String profileId, String vacancyId) {
    return new String(EventSchemas.example(name), StandardCharsets.UTF_8)
        .replace("example-profile-1", profileId)
        .replace("example-vacancy-1", vacancyId)
        .getBytes(StandardCharsets.UTF_8);
  }

  /** The partition the producer would choose for this key, so a later record can follow it. */
  private static int partitionOf(String key) {
    return Utils.toPositive(Utils.murmur2(key.getBytes(StandardCharsets.UTF_8)))
        % TestInfrastructure.PARTITIONS;
  }

  private static void sendMatch(int partition, String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(Topic.MATCHES.topicName(), partition, key, value)).get();
  }

  private static void sendProfile(String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(Topic.PROFILES.topicName(), key, value)).get();
  }

  private void prefer(String profileId, String json) {
    http.put()
        .uri("/api/v1/profiles/{id}/preferences", profileId)
        .headers(h -> h.setBearerAuth(tokens.issue(profileId, Role.STUDENT)))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(json)
        .exchange()
        .expectStatus()
        .isOk();
  }

  private long notificationsOf(String profileId) {
    return mongo
        .count(
            org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("profileId")
                    .is(profileId)),
            "notifications")
        .block();
  }

  /** Every document of every collection of the notification database, as JSON text. */
  private List<String> everyDocument() {
    List<String> all = new ArrayList<>();
    for (String collection : mongo.getCollectionNames().collectList().block()) {
      mongo
          .findAll(Document.class, collection)
          .map(d -> collection + " " + d.toJson())
          .toStream()
          .forEach(all::add);
    }
    return all;
  }

  @Test
  void anErasedPersonLeavesNoTraceButATombstoneAndALaterMatchStoresNothing() throws Exception {
    // Given a person with in-app notifications, a pending e-mail and preferences with an address
    String profileId = "p-" + UUID.randomUUID();
    String address = profileId + "@example.org";
    int partition = partitionOf(profileId);
    prefer(
        profileId,
        "{\"email\":\""
            + address
            + "\",\"channels\":[\"IN_APP\",\"EMAIL\"],"
            + "\"frequency\":\"WEEKLY\",\"quietHours\":{\"start\":\"21:00\",\"end\":\"08:00\"}}");
    sendMatch(partition, profileId, example("MatchFound.json", profileId, "v-1"));
    sendMatch(partition, profileId, example("MatchFound.json", profileId, "v-2"));
    String email = Delivery.id(profileId + ":v-2", 1, Channel.EMAIL);
    await().atMost(WAIT).until(() -> deliveries.find(email).blockOptional().isPresent());
    assertThat(notificationsOf(profileId)).isEqualTo(2);
    assertThat(everyDocument()).anyMatch(d -> d.contains(address));

    // When ingest says they were erased (after an unrelated profile record and a compaction
    // tombstone under their key, and twice, as a replay would)
    sendProfile(profileId, example("ProfileSubmitted.json", profileId, "v-0"));
    sendProfile(profileId, null);
    byte[] erased = example("ProfileErased.json", profileId, "v-0");
    sendProfile(profileId, erased);
    sendProfile(profileId, erased);

    // Then nothing about them is left but the tombstone
    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                assertThat(everyDocument())
                    .filteredOn(d -> d.contains(profileId))
                    .singleElement()
                    .satisfies(d -> assertThat(d).startsWith("erased_profiles ")));
    assertThat(everyDocument()).noneMatch(d -> d.contains(address));
    Document tombstone = mongo.findById(profileId, Document.class, "erased_profiles").block();
    assertThat(tombstone.keySet()).containsExactlyInAnyOrder("_id", "erasedAt");

    // And a match event about them arriving later stores nothing: once another person's match,
    // sent after it to the same partition, is notified, theirs was handled.
    String someoneElse = "p-" + UUID.randomUUID();
    sendMatch(partition, profileId, example("MatchFound.json", profileId, "v-late"));
    sendMatch(partition, profileId, example("MatchUpdated.json", profileId, "v-late"));
    sendMatch(partition, someoneElse, example("MatchFound.json", someoneElse, "v-1"));
    await().atMost(WAIT).until(() -> notificationsOf(someoneElse) == 1);
    assertThat(everyDocument())
        .filteredOn(d -> d.contains(profileId))
        .singleElement()
        .satisfies(d -> assertThat(d).startsWith("erased_profiles "));

    // And they cannot be given preferences again
    http.put()
        .uri("/api/v1/profiles/{id}/preferences", profileId)
        .headers(h -> h.setBearerAuth(tokens.issue(profileId, Role.STUDENT)))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"email\":\"" + address + "\",\"channels\":[\"EMAIL\"]}")
        .exchange()
        .expectStatus()
        .isNotFound();
    assertThat(everyDocument()).noneMatch(d -> d.contains(address));
  }

  @Test
  void aMalformedProfileEventIsDeadLetteredWithItsReasonAndErasuresBehindItStillHappen()
      throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    prefer(profileId, "{\"email\":\"" + profileId + "@example.org\",\"channels\":[\"EMAIL\"]}");
    byte[] unknownType =
        new String(example("ProfileErased.json", profileId, "v"), StandardCharsets.UTF_8)
            .replace("\"ProfileErased\"", "\"ProfileVanished\"")
            .getBytes(StandardCharsets.UTF_8);

    sendProfile(profileId, unknownType);
    sendProfile(profileId, example("ProfileErased.json", profileId, "v"));

    ConsumerRecord<String, byte[]> dead = deadLetters.await(r -> profileId.equals(r.key()), WAIT);
    assertThat(
            new String(
                dead.headers().lastHeader("kafka_dlt-exception-message").value(),
                StandardCharsets.UTF_8))
        .contains("unknown event type 'ProfileVanished'");
    await()
        .atMost(WAIT)
        .until(() -> mongo.findById(profileId, Document.class, "preferences").block() == null);
  }

  @Test
  @SuppressWarnings("unchecked")
  void aStudentExportsTheirNotificationsPreferencesAndEmailsWithoutAnyToken() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String address = profileId + "@example.org";
    prefer(
        profileId,
        "{\"email\":\""
            + address
            + "\",\"channels\":[\"IN_APP\",\"EMAIL\"],"
            + "\"frequency\":\"DAILY\",\"minimumScore\":10}");
    int partition = partitionOf(profileId);
    sendMatch(partition, profileId, example("MatchFound.json", profileId, "v-1"));
    sendMatch(partition, profileId, example("MatchFound.json", profileId, "v-2"));
    await().atMost(WAIT).until(() -> deliveries.toPerson(profileId).count().block() == 2);
    String read = profileId + ":v-1#1#IN_APP";
    http.patch()
        .uri("/api/v1/profiles/{p}/notifications/{n}", profileId, read)
        .headers(h -> h.setBearerAuth(tokens.issue(profileId, Role.STUDENT)))
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue("{\"read\":true}")
        .exchange()
        .expectStatus()
        .isNoContent();

    Map<String, Object> export = exportAs(profileId, Role.STUDENT);

    assertThat(export)
        .containsEntry("service", "notification-service")
        .containsEntry("subject", profileId)
        .containsEntry("role", "STUDENT")
        .containsKey("exportedAt");
    assertThat((List<Map<String, Object>>) export.get("notifications"))
        .extracting(n -> n.get("id"), n -> n.get("read"))
        .containsExactlyInAnyOrder(
            org.assertj.core.groups.Tuple.tuple(profileId + ":v-2#1#IN_APP", false),
            org.assertj.core.groups.Tuple.tuple(read, true));
    assertThat((Map<String, Object>) export.get("preferences"))
        .containsEntry("email", address)
        .containsEntry("frequency", "DAILY")
        .containsEntry("minimumScore", 10);
    assertThat((List<Map<String, Object>>) export.get("deliveries"))
        .hasSize(2)
        .allSatisfy(
            d ->
                assertThat(d)
                    .containsEntry("channel", "EMAIL")
                    .containsEntry("state", "PENDING")
                    .containsEntry("digest", true)
                    .containsEntry("subject", "New match: Junior Java developer (67%)"));
    assertThat(export.toString()).doesNotContain("unsubscribe", "token=", "claim");
  }

  @Test
  @SuppressWarnings("unchecked")
  void anEmployerExportsTheirWebhookAndItsDeliveriesButNeverTheSecret() throws Exception {
    String employer = "e-" + UUID.randomUUID();
    String secret = secrets.newSecret();
    // Stored directly: registering needs a host that resolves, and this test has no DNS.
    webhooks
        .save(
            new EmployerWebhook(
                employer,
                "https://hooks.invalid/skillway",
                secrets.seal(employer, secret),
                40,
                0,
                false))
        .block();
    String profileId = "p-" + UUID.randomUUID();
    byte[] match =
        new String(example("MatchFound.json", profileId, "v-hook"), StandardCharsets.UTF_8)
            .replace("example-employer", employer)
            .getBytes(StandardCharsets.UTF_8);
    sendMatch(partitionOf(profileId), profileId, match);
    await()
        .atMost(WAIT)
        .until(
            () ->
                deliveries
                    .toEmployer(employer)
                    .filter(d -> d.attempts() >= 1)
                    .hasElements()
                    .block());

    Map<String, Object> export = exportAs(employer, Role.EMPLOYER);

    assertThat(export).containsEntry("subject", employer).containsEntry("role", "EMPLOYER");
    assertThat((Map<String, Object>) export.get("webhook"))
        .containsOnlyKeys("url", "threshold", "paused", "consecutiveFailures")
        .containsEntry("url", "https://hooks.invalid/skillway")
        .containsEntry("threshold", 40)
        .containsEntry("paused", false);
    assertThat((List<Map<String, Object>>) export.get("deliveries"))
        .singleElement()
        .satisfies(
            d -> {
              assertThat(d)
                  .containsEntry("channel", "WEBHOOK")
                  .containsEntry("subject", "MatchFound");
              assertThat((String) d.get("lastError")).isNotBlank();
              assertThat((String) d.get("text")).contains("\"candidate\":\"" + profileId + "\"");
            });
    assertThat(export.toString()).doesNotContain(secret, "whsec_", "sealedSecret");
  }

  @Test
  void anyoneElseGetsTheEnvelopeWithNothingInIt() {
    assertThat(exportAs("uni-1", Role.UNIVERSITY))
        .containsEntry("service", "notification-service")
        .containsEntry("subject", "uni-1")
        .containsEntry("notifications", List.of())
        .containsEntry("deliveries", List.of())
        .containsEntry("preferences", null)
        .containsEntry("webhook", null);
    http.get().uri("/api/v1/me/export").exchange().expectStatus().isUnauthorized();
  }

  @SuppressWarnings("unchecked")
  private Map<String, Object> exportAs(String subject, Role role) {
    return http.get()
        .uri("/api/v1/me/export")
        .headers(h -> h.setBearerAuth(tokens.issue(subject, role)))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody(Map.class)
        .returnResult()
        .getResponseBody();
  }
}
