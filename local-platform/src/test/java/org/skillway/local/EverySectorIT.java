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
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every sector is fine-grained now: a welder, a nurse, a chef and an accountant each register with
 * the skills of their trade, typed as ESCO names them, and get an explained match with a role of
 * their trade, and none with another trade's. Through the whole platform.
 */
class EverySectorIT {
  private static ServiceSet services;
  private static PlatformClient platform;

  @BeforeAll
  static void startPlatform() {
    services = TestPlatform.start();
    platform = new PlatformClient(services);
  }

  @AfterAll
  static void stopPlatform() {
    services.close();
  }

  static List<Arguments> trades() {
    return List.of(
        Arguments.of(
            "Welder",
            List.of(
                "perform metal inert gas welding",
                "apply arc welding techniques",
                "operate oxy-fuel welding torch")),
        Arguments.of(
            "Nurse",
            List.of(
                "implement nursing care",
                "plan nursing care",
                "use electronic health records in nursing")),
        Arguments.of(
            "Chef",
            List.of(
                "use cooking techniques",
                "compile cooking recipes",
                "research new cooking methods")),
        Arguments.of(
            "Accountant",
            List.of(
                "accounting techniques",
                "check accounting records",
                "prepare trial accounting balances")));
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("trades")
  void aPersonOfTheTradeGetsAnExplainedMatchWithARoleOfTheTrade(String trade, List<String> skills) {
    // Given a role of the trade, asking for its three skills
    String title = trade + " placement " + UUID.randomUUID().toString().substring(0, 8);
    String vacancyId = platform.postVacancy(title, skills.stream().map(s -> skill(s, 2)).toList());

    // When someone of the trade registers with them
    Map<?, ?> person = platform.register(skills.stream().map(s -> skill(s, 3)).toList());

    // Then they are matched with it, and told why: every skill met
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () -> {
              List<Map<String, Object>> matches = platform.matches(person);
              Map<String, Object> match =
                  matches.stream()
                      .filter(m -> vacancyId.equals(m.get("vacancyId")))
                      .findFirst()
                      .orElseThrow(() -> new AssertionError("no match with " + title + " yet"));
              assertThat((Integer) match.get("score")).isGreaterThanOrEqualTo(80);
              @SuppressWarnings("unchecked")
              List<Map<String, Object>> parts = (List<Map<String, Object>>) match.get("parts");
              assertThat(parts)
                  .filteredOn(p -> "requiredSkills".equals(p.get("name")))
                  .singleElement()
                  .satisfies(
                      p ->
                          assertThat((String) p.get("reason"))
                              .startsWith("meets 3 of 3 required skills"));
              // and with no role of another trade: their skills are their trade's own
              assertThat(matches)
                  .extracting(m -> (String) m.get("vacancyTitle"))
                  .allSatisfy(t -> assertThat(t).doesNotContainPattern(otherTrades(trade)));
            });
  }

  private static String otherTrades(String trade) {
    return String.join(
        "|",
        List.of("Welder placement", "Nurse placement", "Chef placement", "Accountant placement")
            .stream()
            .filter(t -> !t.startsWith(trade))
            .toList());
  }
}
