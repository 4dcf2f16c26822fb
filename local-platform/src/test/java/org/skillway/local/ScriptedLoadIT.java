package org.skillway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.skillway.local.PlatformClient.skill;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Someone trying the local platform with a script, as an evaluation or a university's pilot does:
 * dozens of people and roles loaded through the API from one machine are all accepted (locally
 * every client is 127.0.0.1, so the per-address limits are lifted), and each person sees their
 * matches.
 */
class ScriptedLoadIT {
  private static final int PEOPLE = 40;
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

  @Test
  void fortyPeopleRegisteredByOneScriptAreAllAcceptedAndMatched() {
    String tag = UUID.randomUUID().toString().substring(0, 8);
    List<Map<String, Object>> skills =
        List.of(skill("Erlang", 3), skill("apply arc welding techniques", 3));
    String vacancyId = platform.postVacancy("Erlang welding bot programmer " + tag, skills);

    List<Map<?, ?>> people = new ArrayList<>();
    for (int i = 0; i < PEOPLE; i++) {
      people.add(platform.register(skills));
    }

    assertThat(people).allSatisfy(p -> assertThat(p.get("profileId")).isNotNull());
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(
            () ->
                assertThat(people)
                    .allSatisfy(
                        p ->
                            assertThat(platform.matches(p))
                                .extracting(m -> m.get("vacancyId"))
                                .contains(vacancyId)));
  }
}
