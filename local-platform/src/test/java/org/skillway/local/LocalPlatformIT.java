package org.skillway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.skillway.local.PlatformClient.skill;

import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.skillway.infra.FreePorts;

/**
 * The one-command platform as a user runs it: Kafka's broker as its own process and the wire server
 * on an H2 file, all data in one folder. What was posted before a restart is still there after it.
 */
class LocalPlatformIT {
  @TempDir Path dataDir;

  @Test
  void aVacancyPostedBeforeARestartStillMatchesAStudentWhoRegistersAfterIt() {
    LocalSettings settings =
        new LocalSettings(
            dataDir,
            "127.0.0.1",
            FreePorts.find(),
            FreePorts.find(),
            FreePorts.find(),
            FreePorts.find(),
            FreePorts.find(),
            FreePorts.find());
    String classpath =
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path"));

    String vacancyId;
    try (LocalPlatform platform = LocalPlatform.start(settings, classpath)) {
      vacancyId =
          new PlatformClient(platform.services())
              .postVacancy(
                  "Green energy technician",
                  List.of(skill("solar energy", 2), skill("install photovoltaic systems", 2)));
    }

    try (LocalPlatform platform = LocalPlatform.start(settings, classpath)) {
      PlatformClient client = new PlatformClient(platform.services());
      Map<?, ?> student =
          client.register(
              List.of(skill("solar energy", 3), skill("install photovoltaic systems", 4)));

      await().atMost(Duration.ofSeconds(30)).until(() -> !client.notifications(student).isEmpty());
      assertThat(client.notifications(student))
          .singleElement()
          .satisfies(
              n ->
                  assertThat(n)
                      .containsEntry("vacancyId", vacancyId)
                      .containsEntry(
                          "matchedSkills",
                          List.of(
                              "skill/05e5e14f-ffa6-4106-b311-c6335ccc2bd2",
                              "skill/18d3f89a-6ac5-4ca6-bf93-0baec4e13bcd"))
                      .containsEntry("missingSkills", List.of()));
    }
    assertThat(dataDir.resolve("kafka/logs/meta.properties")).exists();
    assertThat(dataDir.resolve("mongo/skillway.mv")).exists();
  }
}
