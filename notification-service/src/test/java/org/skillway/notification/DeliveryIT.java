package org.skillway.notification;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import com.sun.net.httpserver.HttpServer;
import jakarta.mail.internet.MimeMessage;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalTime;
import java.time.format.DateTimeFormatter;
import java.util.Arrays;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.skillway.events.EventSchemas;
import org.skillway.events.Topic;
import org.skillway.infra.FreePorts;
import org.skillway.infra.MutableClock;
import org.skillway.infra.TestInfrastructure;
import org.skillway.notification.delivery.Delivery;
import org.skillway.notification.delivery.DeliveryStore;
import org.skillway.notification.preference.QuietHours;
import org.skillway.notification.webhook.WebhookSignature;
import org.skillway.notification.webhook.WebhookStore;
import org.skillway.support.IdentityTokens;
import org.skillway.support.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Primary;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * E-mail, webhooks, preferences, quiet hours, digests and failure, end to end: match events through
 * a real broker, state in a real MongoDB wire server, e-mail to GreenMail (a real SMTP server in
 * this JVM) and webhooks to a local HTTP receiver that checks signatures. The clock can be moved,
 * so "after quiet hours" and "tomorrow's digest" need no waiting. Its own consumer group, so it
 * shares no partitions with other test contexts.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = {
      "spring.config.name=" + NotificationApplication.CONFIG_NAME,
      "skillway.notification.group-id=skillway-notification-delivery-it",
      "skillway.notification.dispatch-every=PT0.2S",
      "skillway.notification.dispatch-search-every=PT1S",
      "skillway.notification.retry-first=PT0.2S",
      "skillway.notification.retry-max=PT1S",
      "skillway.notification.allow-http-webhooks=true",
      // The test receiver listens on 127.0.0.1, which production refuses.
      "skillway.notification.allow-private-webhook-addresses=true"
    })
class DeliveryIT {
  private static final Duration WAIT = Duration.ofSeconds(20);

  /** How long "nothing more arrives" is watched for: several dispatcher rounds. */
  private static final Duration QUIET = Duration.ofMillis(1_500);

  private static final int SMTP_PORT = FreePorts.find();
  private static final GreenMail SMTP =
      new GreenMail(new ServerSetup(SMTP_PORT, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
  private static KafkaProducer<String, byte[]> producer;
  private static HttpServer receiver;
  private static final List<String[]> received = new CopyOnWriteArrayList<>();
  private static final AtomicInteger receiverStatus = new AtomicInteger(200);

  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.shared()
        .springProperties("delivery-it")
        .forEach((k, v) -> registry.add(k, () -> v));
    registry.add("spring.mail.host", () -> "127.0.0.1");
    registry.add("spring.mail.port", () -> SMTP_PORT);
  }

  @TestConfiguration
  static class Clocks {
    @Bean
    @Primary
    MutableClock mutableClock() {
      return new MutableClock();
    }
  }

  @LocalServerPort int port;
  @Autowired IdentityTokens tokens;
  @Autowired MutableClock clock;
  @Autowired DeliveryStore deliveries;
  @Autowired ReactiveMongoTemplate mongo;
  @Autowired WebhookStore webhookStore;
  @Autowired org.skillway.notification.notify.InAppNotifications inApp;
  @Autowired org.springframework.kafka.config.KafkaListenerEndpointRegistry listeners;
  WebTestClient http;

  @BeforeAll
  static void start() throws IOException {
    SMTP.start();
    producer = TestInfrastructure.shared().rawProducer();
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          String body =
              new String(exchange.getRequestBody().readAllBytes(), StandardCharsets.UTF_8);
          received.add(
              new String[] {exchange.getRequestHeaders().getFirst(WebhookSignature.HEADER), body});
          exchange.sendResponseHeaders(receiverStatus.get(), -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterAll
  static void stop() {
    producer.close();
    receiver.stop(0);
    SMTP.stop();
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

  @AfterEach
  void resetClock() {
    clock.reset();
    receiverStatus.set(200);
    if (!SMTP.isRunning()) {
      SMTP.start();
    }
  }

  private static byte[] example(String name, String profileId, String vacancyId) {
    return new String(EventSchemas.example(name), StandardCharsets.UTF_8)
        .replace("example-profile-1", profileId)
        .replace("example-vacancy-1", vacancyId)
        .getBytes(StandardCharsets.UTF_8);
  }

  private static void send(String key, byte[] value) throws Exception {
    producer.send(new ProducerRecord<>(Topic.MATCHES.topicName(), key, value)).get();
  }

  private void prefer(String profileId, String json) {
    http.put()
        .uri("/api/v1/profiles/{id}/preferences", profileId)
        .headers(h -> h.setBearerAuth(tokens.issue(profileId, Role.STUDENT)))
        .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
        .bodyValue(json)
        .exchange()
        .expectStatus()
        .isOk();
  }

  private static List<MimeMessage> mailTo(String address) {
    return Arrays.stream(SMTP.getReceivedMessages())
        .filter(
            m -> {
              try {
                return Arrays.stream(m.getAllRecipients())
                    .anyMatch(r -> r.toString().equals(address));
              } catch (Exception e) {
                return false;
              }
            })
        .toList();
  }

  /** Registers the test receiver as the employer's webhook; returns the signing secret. */
  private String registerWebhook(String employer, int threshold) {
    Map<?, ?> registered =
        http.put()
            .uri("/api/v1/employers/{id}/webhook", employer)
            .headers(h -> h.setBearerAuth(tokens.issue(employer, Role.EMPLOYER)))
            .contentType(org.springframework.http.MediaType.APPLICATION_JSON)
            .bodyValue(
                "{\"url\":\"http://127.0.0.1:"
                    + receiver.getAddress().getPort()
                    + "/hook\",\"threshold\":"
                    + threshold
                    + "}")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(Map.class)
            .returnResult()
            .getResponseBody();
    return (String) registered.get("secret");
  }

  /** The decoded plain-text part, as a person's mail program shows it. */
  private static String plainText(jakarta.mail.Part part) throws Exception {
    if (part.isMimeType("text/plain")) {
      return (String) part.getContent();
    }
    if (part.getContent() instanceof jakarta.mail.Multipart multipart) {
      for (int i = 0; i < multipart.getCount(); i++) {
        String text = plainText(multipart.getBodyPart(i));
        if (text != null) {
          return text;
        }
      }
    }
    return null;
  }

  /** An invitation as ingest-service publishes it: address and link sealed with the shared key. */
  private static byte[] invitation(
      String profileId, long number, String address, String token, Instant expiresAt) {
    var seal =
        new org.skillway.support.InvitationSeal(
            new org.skillway.support.SkillwayProperties.Security(
                null, org.skillway.infra.TestInfrastructure.INVITATION_KEY, null, null));
    return new org.skillway.events.EventCodec()
        .encode(
            seal.seal(
                org.skillway.events.EventMetadata.next(profileId, number, Instant.now()),
                address,
                "northwest-uni",
                "https://skillway.example/claim?token=" + token,
                expiresAt));
  }

  @Test
  void anInvitationIsEmailedOnceToTheAddressTheUniversityGaveAndItsLinkIsNotKept()
      throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String address = profileId + "@students.example.ac.uk";
    byte[] event =
        invitation(
            profileId, 1, address, "example-claim-token", Instant.now().plus(Duration.ofDays(14)));

    // No preferences exist for the person: the invitation goes to the university's address.
    producer.send(new ProducerRecord<>(Topic.INVITATIONS.topicName(), profileId, event)).get();
    producer.send(new ProducerRecord<>(Topic.INVITATIONS.topicName(), profileId, event)).get();

    await().atMost(WAIT).until(() -> mailTo(address).size() == 1);
    MimeMessage mail = mailTo(address).get(0);
    assertThat(mail.getSubject()).isEqualTo("Claim your Skillway account");
    assertThat(plainText(mail))
        .contains("Your university has added you to Skillway")
        .contains("https://skillway.example/claim?token=example-claim-token");
    // A one-off service message, not a subscription: nothing to unsubscribe from.
    assertThat(mail.getHeader("List-Unsubscribe")).isNull();
    String id =
        Delivery.id(
            "invitation:" + profileId, 1, org.skillway.notification.preference.Channel.EMAIL);
    await()
        .atMost(WAIT)
        .untilAsserted(
            () -> {
              Delivery sent = deliveries.find(id).block();
              assertThat(sent.state()).isEqualTo(Delivery.State.SENT);
              assertThat(sent.body()).isNull();
              assertThat(sent.html()).isNull();
            });
    await().during(QUIET).atMost(WAIT).until(() -> mailTo(address).size() == 1);
  }

  @Test
  void anInvitationNamesTheUniversityByTheDisplayNameItCarries() throws Exception {
    // Given an invitation from a university that has named itself
    String profileId = "p-" + UUID.randomUUID();
    String address = profileId + "@students.example.ac.uk";
    var sealed =
        (org.skillway.events.InvitationIssued)
            new org.skillway.events.EventCodec()
                .decode(
                    invitation(
                        profileId,
                        1,
                        address,
                        "named-token",
                        Instant.now().plus(Duration.ofDays(14))));
    byte[] event =
        new org.skillway.events.EventCodec()
            .encode(
                new org.skillway.events.InvitationIssued(
                    sealed.metadata(),
                    sealed.invitation().withUniversityName("University of the North West")));
    org.skillway.events.EventSchemas.assertConforms(event);

    // When it arrives
    producer.send(new ProducerRecord<>(Topic.INVITATIONS.topicName(), profileId, event)).get();

    // Then the e-mail names the university as it chose to be named, not by its id
    await().atMost(WAIT).until(() -> mailTo(address).size() == 1);
    MimeMessage mail = mailTo(address).get(0);
    assertThat(plainText(mail))
        .contains("University of the North West has added you to Skillway")
        .doesNotContain("northwest-uni");
    assertThat(GreenMailUtil.getBody(mail)).doesNotContain("northwest-uni");
  }

  @Test
  void anInvitationWhoseLinkHasExpiredIsNotSent() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String address = profileId + "@students.example.ac.uk";
    byte[] expired =
        invitation(profileId, 1, address, "expired-token", Instant.now().minusSeconds(1));
    byte[] renewed =
        invitation(profileId, 2, address, "renewed-token", Instant.now().plus(Duration.ofDays(14)));

    // Same key, same partition: the expired one is handled first.
    producer.send(new ProducerRecord<>(Topic.INVITATIONS.topicName(), profileId, expired)).get();
    producer.send(new ProducerRecord<>(Topic.INVITATIONS.topicName(), profileId, renewed)).get();

    await().atMost(WAIT).until(() -> mailTo(address).size() == 1);
    assertThat(plainText(mailTo(address).get(0))).contains("token=renewed-token");
  }

  @Test
  void anEmailCarriesTheReasonsAndGapsWithAOneClickUnsubscribeAndIsSentOnceDespiteRedelivery()
      throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String address = profileId + "@example.org";
    prefer(profileId, "{\"email\":\"" + address + "\",\"channels\":[\"IN_APP\",\"EMAIL\"]}");

    send(profileId, example("MatchFound.json", profileId, "v-1"));
    send(profileId, example("MatchFound.json", profileId, "v-1"));
    send(profileId, example("MatchFound.json", profileId, "v-1"));
    send(profileId, example("MatchFound.json", profileId, "v-2"));

    await().atMost(WAIT).until(() -> mailTo(address).size() >= 2);
    await().during(QUIET).atMost(WAIT).until(() -> mailTo(address).size() == 2);
    MimeMessage mail = mailTo(address).get(0);
    assertThat(mail.getSubject()).isEqualTo("New match: Junior Java developer (67%)");
    assertThat(plainText(mail))
        .contains(
            "\u201cJunior Java developer\u201d at Example Digital Ltd is a 67% match for you.",
            "Why:",
            "- meets 2 of 3 required skills at the level asked for",
            "Skills to build: git",
            "To stop these e-mails: http://localhost:8082/api/v1/unsubscribe?token=");
    assertThat(GreenMailUtil.getBody(mail)).contains("<h3>Why</h3>");
    assertThat(mail.getHeader("List-Unsubscribe-Post")[0]).isEqualTo("List-Unsubscribe=One-Click");
    String unsubscribe = mail.getHeader("List-Unsubscribe")[0];
    String token =
        unsubscribe.substring(unsubscribe.indexOf("token=") + 6, unsubscribe.length() - 1);

    http.post().uri("/api/v1/unsubscribe?token={t}", token).exchange().expectStatus().isOk();
    http.get()
        .uri("/api/v1/profiles/{id}/preferences", profileId)
        .headers(h -> h.setBearerAuth(tokens.issue(profileId, Role.STUDENT)))
        .exchange()
        .expectBody()
        .jsonPath("$.channels")
        .isEqualTo(List.of("IN_APP"));
    http.post()
        .uri("/api/v1/unsubscribe?token={t}", token + "x")
        .exchange()
        .expectStatus()
        .isBadRequest();
  }

  @Test
  void noEmailDuringQuietHoursButInAppAtOnceAndTheEmailWhenTheyEnd() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String address = profileId + "@example.org";
    LocalTime now = Instant.now().atZone(QuietHours.UK).toLocalTime();
    DateTimeFormatter hhmm = DateTimeFormatter.ofPattern("HH:mm");
    prefer(
        profileId,
        "{\"email\":\""
            + address
            + "\",\"channels\":[\"IN_APP\",\"EMAIL\"],"
            + "\"quietHours\":{\"start\":\""
            + now.minusHours(1).format(hhmm)
            + "\",\"end\":\""
            + now.plusHours(1).format(hhmm)
            + "\"}}");

    send(profileId, example("MatchFound.json", profileId, "v-quiet"));

    String id =
        Delivery.id(profileId + ":v-quiet", 1, org.skillway.notification.preference.Channel.EMAIL);
    await().atMost(WAIT).until(() -> deliveries.find(id).blockOptional().isPresent());
    Delivery pending = deliveries.find(id).block();
    assertThat(pending.state()).isEqualTo(Delivery.State.PENDING);
    assertThat(pending.dueAt()).isAfter(Instant.now().plus(Duration.ofMinutes(55)));
    await().during(QUIET).atMost(WAIT).until(() -> mailTo(address).isEmpty());

    clock.advance(Duration.ofHours(1).plusMinutes(2));

    await().atMost(WAIT).until(() -> mailTo(address).size() == 1);
  }

  @Test
  void aDailyDigestGathersTheDaysMatchesIntoOneEmail() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String address = profileId + "@example.org";
    prefer(
        profileId,
        "{\"email\":\"" + address + "\",\"channels\":[\"EMAIL\"],\"frequency\":\"DAILY\"}");

    send(profileId, example("MatchFound.json", profileId, "v-a"));
    send(profileId, example("MatchFound.json", profileId, "v-b"));
    String second =
        Delivery.id(profileId + ":v-b", 1, org.skillway.notification.preference.Channel.EMAIL);
    await().atMost(WAIT).until(() -> deliveries.find(second).blockOptional().isPresent());
    await().during(QUIET).atMost(WAIT).until(() -> mailTo(address).isEmpty());

    clock.advance(Duration.ofHours(25));

    await().during(QUIET).atMost(WAIT).until(() -> mailTo(address).size() == 1);
    assertThat(mailTo(address))
        .singleElement()
        .satisfies(
            m -> {
              assertThat(m.getSubject()).isEqualTo("Your Skillway digest: 2 updates");
              assertThat(GreenMailUtil.getBody(m))
                  .contains("New match: Junior Java developer (67%)");
            });
  }

  @Test
  void severalNewMatchesArrivingTogetherComeInOneEmail() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String address = profileId + "@example.org";
    prefer(profileId, "{\"email\":\"" + address + "\",\"channels\":[\"EMAIL\",\"IN_APP\"]}");
    // Held while the burst is sent, so that one poll reads all three, as when a cohort is loaded.
    var listener = listeners.getListenerContainer("notification-matches");
    listener.stop();
    try {
      for (String vacancy : List.of("v-a", "v-b", "v-c")) {
        send(profileId, example("MatchFound.json", profileId, vacancy));
      }
    } finally {
      listener.start();
    }

    await().during(QUIET).atMost(WAIT).until(() -> mailTo(address).size() == 1);
    assertThat(mailTo(address))
        .singleElement()
        .satisfies(m -> assertThat(m.getSubject()).isEqualTo("Your Skillway digest: 3 updates"));
    assertThat(inApp.allOf(profileId).collectList().block()).hasSize(3);
  }

  @Test
  void aPersonEmailedAboutARoleIsToldByEmailWhenItCloses() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String address = profileId + "@example.org";
    prefer(profileId, "{\"email\":\"" + address + "\",\"channels\":[\"EMAIL\"]}");

    send(profileId, example("MatchFound.json", profileId, "v-told"));
    await().atMost(WAIT).until(() -> mailTo(address).size() == 1);
    send(profileId, example("MatchWithdrawn.json", profileId, "v-told"));

    await().atMost(WAIT).until(() -> mailTo(address).size() == 2);
    MimeMessage closed = mailTo(address).get(1);
    assertThat(closed.getSubject()).isEqualTo("No longer available: Junior Java developer");
    assertThat(plainText(closed))
        .contains("The role \u201cJunior Java developer\u201d that we told you about has closed.");
  }

  /**
   * A sender that crashed mid-send leaves a claim that runs out; the delivery is then sent. It is
   * written straight to the store, as another instance that crashed would have left it: this one
   * never stored it, so only its periodic search of the store can find it.
   */
  @Test
  void aDeliveryLeftClaimedByACrashedSenderIsSentOnceItsClaimRunsOut() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String address = profileId + "@example.org";
    prefer(profileId, "{\"email\":\"" + address + "\",\"channels\":[\"EMAIL\"]}");
    Instant now = Instant.now();
    Delivery stranded =
        new Delivery(
            Delivery.id(
                profileId + ":v-crash", 1, org.skillway.notification.preference.Channel.EMAIL),
            profileId + ":v-crash",
            1,
            org.skillway.notification.preference.Channel.EMAIL,
            profileId,
            Delivery.State.SENDING,
            now.minusSeconds(300),
            0,
            null,
            now.minusSeconds(300),
            "New match: Night porter (71%)",
            "\u201cNight porter\u201d is a 71% match for you.",
            "<!doctype html><html><body><p>Night porter</p></body></html>",
            false,
            now.minusSeconds(60),
            null);

    mongo.insert(stranded).block();

    await().atMost(WAIT).until(() -> mailTo(address).size() == 1);
    assertThat(mailTo(address).get(0).getSubject()).isEqualTo("New match: Night porter (71%)");
    await()
        .atMost(WAIT)
        .until(() -> deliveries.find(stranded.id()).block().state() == Delivery.State.SENT);
  }

  @Test
  void aWithdrawalCancelsWhatIsStillPending() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String address = profileId + "@example.org";
    prefer(
        profileId,
        "{\"email\":\""
            + address
            + "\",\"channels\":[\"IN_APP\",\"EMAIL\"],\"frequency\":\"WEEKLY\"}");

    send(profileId, example("MatchFound.json", profileId, "v-closing"));
    send(profileId, example("MatchWithdrawn.json", profileId, "v-closing"));

    String id =
        Delivery.id(
            profileId + ":v-closing", 1, org.skillway.notification.preference.Channel.EMAIL);
    await()
        .atMost(WAIT)
        .until(
            () ->
                deliveries
                    .find(id)
                    .blockOptional()
                    .map(d -> d.state() == Delivery.State.CANCELLED)
                    .orElse(false));
    clock.advance(Duration.ofDays(8));
    await().during(QUIET).atMost(WAIT).until(() -> mailTo(address).isEmpty());
  }

  @Test
  void whenSmtpIsDownTheEmailIsRetriedAndArrivesOnceItIsBack() throws Exception {
    String profileId = "p-" + UUID.randomUUID();
    String address = profileId + "@example.org";
    prefer(profileId, "{\"email\":\"" + address + "\",\"channels\":[\"EMAIL\"]}");
    SMTP.stop();

    send(profileId, example("MatchFound.json", profileId, "v-outage"));

    String id =
        Delivery.id(profileId + ":v-outage", 1, org.skillway.notification.preference.Channel.EMAIL);
    await()
        .atMost(WAIT)
        .until(() -> deliveries.find(id).blockOptional().map(d -> d.attempts() >= 2).orElse(false));
    assertThat(deliveries.find(id).block().lastError()).isNotBlank();
    SMTP.start();

    await().atMost(WAIT).until(() -> mailTo(address).size() == 1);
    await().atMost(WAIT).until(() -> deliveries.find(id).block().state() == Delivery.State.SENT);
  }

  @Test
  void anEmployersWebhookGetsSignedNameBlindMatchesAboveItsThreshold() throws Exception {
    String employer = "example-employer";
    String secret = registerWebhook(employer, 60);
    http.get()
        .uri("/api/v1/employers/{id}/webhook", employer)
        .headers(h -> h.setBearerAuth(tokens.issue("another-employer", Role.EMPLOYER)))
        .exchange()
        .expectStatus()
        .isForbidden();
    String profileId = "p-" + UUID.randomUUID();

    send(profileId, example("MatchFound.json", profileId, "v-hook"));

    await()
        .atMost(WAIT)
        .until(() -> received.stream().anyMatch(r -> r[1].contains(profileId + ":v-hook")));
    String[] request =
        received.stream().filter(r -> r[1].contains(profileId + ":v-hook")).findFirst().get();
    assertThat(WebhookSignature.verify(secret, request[0], request[1], Instant.now())).isTrue();
    assertThat(WebhookSignature.verify("wrong-secret", request[0], request[1], Instant.now()))
        .isFalse();
    @SuppressWarnings("unchecked")
    Map<String, Object> body =
        tools.jackson.databind.json.JsonMapper.builder().build().readValue(request[1], Map.class);
    assertThat(body)
        .containsEntry("type", "MatchFound")
        .containsEntry("score", 67)
        .containsEntry("employerName", "Example Digital Ltd")
        .containsEntry("candidate", profileId);
    // Name-blind: the candidate is an opaque reference; no name or contact details at all.
    assertThat(body.keySet())
        .containsExactlyInAnyOrder(
            "eventId",
            "type",
            "occurredAt",
            "matchId",
            "vacancyId",
            "vacancyTitle",
            "employerName",
            "candidate",
            "score",
            "parts",
            "matchedSkills",
            "missingSkills",
            "transferableSkills");
    assertThat(request[1]).doesNotContain("@");
    // At rest the secret is sealed: a copy of the database cannot sign requests.
    org.bson.Document stored =
        mongo.findById(employer, org.bson.Document.class, "webhooks").block();
    assertThat(stored.toJson()).doesNotContain(secret, secret.substring("whsec_".length()));
    assertThat(stored).doesNotContainKey("secret");
    assertThat(stored.getString("sealedSecret")).startsWith("v1.");
  }

  @Test
  void aSecretStoredInPlainBeforeSealingIsSealedAtStartAndStillSigns() throws Exception {
    String employer = "legacy-employer";
    String secret = "whsec_" + UUID.randomUUID().toString().replace("-", "");
    mongo
        .save(
            new org.bson.Document("_id", employer)
                .append("url", "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook")
                .append("secret", secret)
                .append("threshold", 0)
                .append("consecutiveFailures", 0)
                .append("paused", false),
            "webhooks")
        .block();

    webhookStore.run(null);

    org.bson.Document stored =
        mongo.findById(employer, org.bson.Document.class, "webhooks").block();
    assertThat(stored).doesNotContainKey("secret");
    assertThat(stored.toJson()).doesNotContain(secret);
    String profileId = "p-" + UUID.randomUUID();
    send(
        profileId,
        new String(example("MatchFound.json", profileId, "v-legacy"), StandardCharsets.UTF_8)
            .replace("example-employer", employer)
            .getBytes(StandardCharsets.UTF_8));
    await()
        .atMost(WAIT)
        .until(() -> received.stream().anyMatch(r -> r[1].contains(profileId + ":v-legacy")));
    String[] request =
        received.stream().filter(r -> r[1].contains(profileId + ":v-legacy")).findFirst().get();
    assertThat(WebhookSignature.verify(secret, request[0], request[1], Instant.now())).isTrue();
  }

  @Test
  void aWebhookThatKeepsFailingIsRetriedAndThenPaused() throws Exception {
    String employer = "failing-employer";
    registerWebhook(employer, 0);
    receiverStatus.set(500);
    String profileId = "p-" + UUID.randomUUID();

    send(
        profileId,
        new String(example("MatchFound.json", profileId, "v-fail"), StandardCharsets.UTF_8)
            .replace("example-employer", employer)
            .getBytes(StandardCharsets.UTF_8));

    await()
        .atMost(WAIT)
        .untilAsserted(
            () ->
                http.get()
                    .uri("/api/v1/employers/{id}/webhook", employer)
                    .headers(h -> h.setBearerAuth(tokens.issue(employer, Role.EMPLOYER)))
                    .exchange()
                    .expectBody()
                    .jsonPath("$.paused")
                    .isEqualTo(true));
    assertThat(received.stream().filter(r -> r[1].contains(profileId + ":v-fail")).count())
        .isEqualTo(5);
  }

  @Test
  void anEmployerToldOfAnErasedPersonIsStillToldNameBlindWhenTheMatchIsWithdrawn()
      throws Exception {
    String employer = "erasure-employer";
    registerWebhook(employer, 0);
    String profileId = "p-" + UUID.randomUUID();
    String matchId = profileId + ":v-erased";
    send(
        profileId,
        new String(example("MatchFound.json", profileId, "v-erased"), StandardCharsets.UTF_8)
            .replace("example-employer", employer)
            .getBytes(StandardCharsets.UTF_8));
    await().atMost(WAIT).until(() -> received.stream().anyMatch(r -> r[1].contains(matchId)));

    // The person is erased: what the employer was sent about them is cut to a receipt
    producer
        .send(
            new ProducerRecord<>(
                Topic.PROFILES.topicName(),
                profileId,
                example("ProfileErased.json", profileId, "v-erased")))
        .get();
    String found = Delivery.id(matchId, 1, org.skillway.notification.preference.Channel.WEBHOOK);
    await().atMost(WAIT).until(() -> deliveries.find(found).block().body() == null);

    // and matching then withdraws the match, saying why
    send(
        profileId,
        new String(example("MatchWithdrawn.json", profileId, "v-erased"), StandardCharsets.UTF_8)
            .replace("example-employer", employer)
            .replace("VACANCY_CLOSED", "PROFILE_ERASED")
            .getBytes(StandardCharsets.UTF_8));

    await()
        .atMost(WAIT)
        .until(
            () ->
                received.stream()
                    .anyMatch(r -> r[1].contains(matchId) && r[1].contains("MatchWithdrawn")));
    // Once the withdrawal is out, the receipt is gone: only the name-blind withdrawal remains.
    await().atMost(WAIT).until(() -> deliveries.find(found).blockOptional().isEmpty());
    assertThat(
            deliveries
                .toEmployer(employer)
                .filter(d -> d.matchId().equals(matchId))
                .collectList()
                .block())
        .singleElement()
        .satisfies(d -> assertThat(d.subject()).isEqualTo("MatchWithdrawn"));
  }
}
