package org.skillway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.skillway.local.PlatformClient.skill;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skillway.taxonomy.Taxonomy;

/**
 * A retrainer who names the job they do and a role that names its occupation: the match says which
 * of the missing skills the move from one occupation to the other is built on, by ESCO's occupation
 * profiles, in the matches API and on the web page. Through the whole platform.
 */
class OccupationMoveIT {
  private static ServiceSet services;
  private static PlatformClient platform;
  private static final RawHttp http = new RawHttp();
  private static final Taxonomy taxonomy = Taxonomy.loadBundled();

  @BeforeAll
  static void startPlatform() {
    services = TestPlatform.start();
    platform = new PlatformClient(services);
  }

  @AfterAll
  static void stopPlatform() {
    services.close();
  }

  @Test
  void aShopSupervisorIsToldWhichSkillsTheMoveIntoRetailManagementIsBuiltOn() {
    // Given a retail department manager's role asking for four skills a shop supervisor has and two
    // they lack: one essential to retail department managers, one ESCO lists for neither
    String title = "Retail department manager " + UUID.randomUUID().toString().substring(0, 8);
    String vacancyId =
        platform.postVacancy(
            Map.of(
                "title",
                title,
                "kind",
                "JOB",
                "level",
                "MID",
                "occupation",
                "retail department manager",
                "requiredSkills",
                List.of(
                    Map.of("skillId", "manage staff", "level", 3, "weight", 2),
                    Map.of("skillId", "supervise sales activities", "level", 2, "weight", 2),
                    Map.of("skillId", "order supplies", "level", 2),
                    Map.of("skillId", "control of expenses", "level", 2),
                    Map.of("skillId", "implement sales strategies", "level", 2),
                    Map.of("skillId", "use spreadsheets software", "level", 2))));

    // When a shop supervisor retraining registers with the four
    Map<?, ?> person =
        platform.register(
            Map.of(
                "pathway",
                "RETRAINER",
                "retrainer",
                Map.of("occupation", "shop supervisor", "willingToTrain", true),
                "yearsExperience",
                8,
                "skills",
                List.of(
                    skill(id("manage staff"), 4),
                    skill(id("supervise sales activities"), 3),
                    skill(id("order supplies"), 3),
                    skill(id("control of expenses"), 3)),
                "outcode",
                "LA2",
                "consentToMatch",
                true));

    // Then the match names the move's skill, between the two occupations, and not the other gap
    String supervisor = taxonomy.lookupOccupation("shop supervisor").orElseThrow().id();
    String manager = taxonomy.lookupOccupation("retail department manager").orElseThrow().id();
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              Map<String, Object> match =
                  platform.matches(person).stream()
                      .filter(m -> vacancyId.equals(m.get("vacancyId")))
                      .findFirst()
                      .orElseThrow(() -> new AssertionError("no match with " + title + " yet"));
              @SuppressWarnings("unchecked")
              List<Object> missing = (List<Object>) match.get("missingSkills");
              assertThat(missing)
                  .containsExactlyInAnyOrder(
                      id("implement sales strategies"), id("use spreadsheets software"));
              @SuppressWarnings("unchecked")
              List<Map<String, Object>> steps = (List<Map<String, Object>>) match.get("pathways");
              assertThat(steps)
                  .filteredOn(step -> "MOVE".equals(step.get("kind")))
                  .singleElement()
                  .satisfies(
                      step -> {
                        assertThat(step.get("missingSkill"))
                            .isEqualTo(id("implement sales strategies"));
                        assertThat(step.get("fromOccupation")).isEqualTo(supervisor);
                        assertThat(step.get("toOccupation")).isEqualTo(manager);
                      });
            });
    // and the web page says it in words
    RawHttp.Response page =
        http.send(
            services.ingestPort(),
            "GET",
            "/matches/" + vacancyId,
            Map.of("Cookie", "skillway_session=" + person.get("accessToken")));
    assertThat(page.status()).isEqualTo(200);
    assertThat(page.body())
        .contains(
            "Moving from shop supervisor to retail department manager means building implement"
                + " sales strategies: ESCO lists it as essential to retail department manager"
                + " work, not to shop supervisor work");
  }

  private static String id(String label) {
    return taxonomy.lookup(label).orElseThrow().id();
  }
}
