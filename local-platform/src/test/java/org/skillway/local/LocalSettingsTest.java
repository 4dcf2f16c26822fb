package org.skillway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;

class LocalSettingsTest {
  @Test
  void defaultsAreTheDocumentedPortsAndTheCheckoutsDataFolder() {
    LocalSettings settings = LocalSettings.from(Map.of());

    assertThat(settings.dataDir()).isEqualTo(Path.of("data/local").toAbsolutePath());
    assertThat(settings.kafkaPort()).isEqualTo(9092);
    assertThat(settings.mongoPort()).isEqualTo(27017);
    assertThat(settings.ingestPort()).isEqualTo(8080);
    assertThat(settings.matchingPort()).isEqualTo(8081);
    assertThat(settings.notificationPort()).isEqualTo(8082);
  }

  @Test
  void everyPortAndTheDataFolderCanBeOverridden() {
    LocalSettings settings =
        LocalSettings.from(
            Map.of(
                "KAFKA_PORT", "19092", "INGEST_PORT", " 18080 ", "SKILLWAY_DATA_DIR", "/tmp/sw"));

    assertThat(settings.kafkaPort()).isEqualTo(19092);
    assertThat(settings.ingestPort()).isEqualTo(18080);
    assertThat(settings.dataDir()).isEqualTo(Path.of("/tmp/sw"));
  }

  @Test
  void aPortThatIsNotANumberIsNamedInTheError() {
    assertThatThrownBy(() -> LocalSettings.from(Map.of("MONGODB_PORT", "mongo")))
        .hasMessage("MONGODB_PORT must be a port number (0-65535), not 'mongo'");
  }
}
