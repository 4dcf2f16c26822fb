package org.skillway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.skillway.local.PlatformClient.skill;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * The walking skeleton through all three services, a real Kafka broker and a real MongoDB wire
 * server: an employer posts a vacancy, a student registers, and the student reads a notification
 * about the match.
 */
class SkeletonFlowIT {
  private static final String CYBER_SECURITY = "skill/8088750d-8388-4170-a76f-48354c469c44";
  private static final String HASKELL = "skill/000f1d3d-220f-4789-9c0a-cc742521fb02";
  private static final String HANDLE_INCIDENTS = "skill/8181aa4c-42bc-4036-a3d2-5cb6bbb34239";

  private static ServiceSet services;
  private static PlatformClient client;

  @BeforeAll
  static void startPlatform() {
    services = TestPlatform.start();
    client = new PlatformClient(services);
  }

  @AfterAll
  static void stopPlatform() {
    services.close();
  }

  @Test
  void aStudentIsNotifiedOfAVacancyThatNeedsTheirSkillsWithTheReasonsAndGaps() {
    String vacancyId =
        client.postVacancy(
            "Cyber security placement",
            List.of(
                skill("cyber security", 2),
                skill("Haskell", 2),
                skill("handle cybersecurity incidents", 1)));

    // A pair of skills no other test's roles ask for together: the platform's broker and database
    // are shared, and a person whose skills many roles ask for would hear of them all.
    Map<?, ?> student = client.register(List.of(skill("haskell", 3), skill("Cyber security", 2)));

    await().atMost(Duration.ofSeconds(30)).until(() -> !client.notifications(student).isEmpty());
    List<Map<String, Object>> notifications = client.notifications(student);
    assertThat(notifications).hasSize(1);
    Map<String, Object> notification = notifications.get(0);
    int score = (Integer) notification.get("score");
    assertThat(notification)
        .containsEntry("vacancyId", vacancyId)
        .containsEntry("kind", "MatchFound")
        .containsEntry("title", "New match: Cyber security placement")
        .containsEntry(
            "body",
            "\u201cCyber security placement\u201d is a "
                + score
                + "% match for you. Skills you have: cyber security, Haskell. Skills to build:"
                + " handle cybersecurity incidents.")
        .containsEntry("matchedSkills", List.of(CYBER_SECURITY, HASKELL))
        .containsEntry("missingSkills", List.of(HANDLE_INCIDENTS));
    // Two of three skills (a skill fit of 2/3, which scales everything), a placement suits a
    // student, and LA2 is 12 km from LA1 within a 30 km reach (location 1 - 0.5 * 12/30 = 0.8, the
    // only other part that can be judged): 100 * 2/3 * (0.6 + 0.4 * 0.8) = 61.
    assertThat(score).isEqualTo(61);
  }

  @Test
  void everyServiceReportsItselfHealthyAndServesTaggedMetrics() {
    Map<String, Integer> ports =
        Map.of(
            "ingest-service", services.ingestPort(),
            "matching-service", services.matchingPort(),
            "notification-service", services.notificationPort());
    ports.forEach(
        (name, port) -> {
          WebTestClient http =
              WebTestClient.bindToServer().baseUrl("http://127.0.0.1:" + port).build();
          // The aggregate includes the MongoDB ping check, which works on the wire server.
          http.get()
              .uri("/actuator/health")
              .exchange()
              .expectStatus()
              .isOk()
              .expectBody()
              .jsonPath("$.status")
              .isEqualTo("UP");
          http.get().uri("/actuator/health/liveness").exchange().expectStatus().isOk();
          http.get().uri("/actuator/health/readiness").exchange().expectStatus().isOk();
          // A scrape holds a latency histogram per route: more than the default 256 KB buffer.
          assertThat(
                  http.mutate()
                      .codecs(codecs -> codecs.defaultCodecs().maxInMemorySize(16 * 1024 * 1024))
                      .build()
                      .get()
                      .uri("/actuator/prometheus")
                      .exchange()
                      .expectStatus()
                      .isOk()
                      .expectBody(String.class)
                      .returnResult()
                      .getResponseBody())
              .as(name)
              .contains("application=\"" + name + "\"")
              .contains("region=\"north-west-england\"");
        });
  }

  @Test
  void aStudentWhoseSkillsDoNotFitIsNotNotified() {
    String welding = "joining parts using soldering, welding or brazing techniques";
    client.postVacancy("Welding apprentice", List.of(skill(welding, 2)));
    Map<?, ?> matchingStudent = client.register(List.of(skill(welding, 3)));
    Map<?, ?> otherStudent = client.register(List.of(skill("artistic and creative writing", 5)));

    await()
        .atMost(Duration.ofSeconds(30))
        .until(() -> !client.notifications(matchingStudent).isEmpty());
    assertThat(client.notifications(otherStudent)).isEmpty();
  }
}
