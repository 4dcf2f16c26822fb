package org.skillway.local;

import java.nio.file.Path;
import java.util.Map;

/**
 * Where the local platform listens and keeps its data. Every value can be overridden by an
 * environment variable of the same name in capitals (e.g. {@code KAFKA_PORT=19092}).
 */
public record LocalSettings(
    Path dataDir,
    String host,
    int kafkaPort,
    int kafkaControllerPort,
    int mongoPort,
    int ingestPort,
    int matchingPort,
    int notificationPort) {

  public static LocalSettings from(Map<String, String> env) {
    return new LocalSettings(
        Path.of(env.getOrDefault("SKILLWAY_DATA_DIR", "data/local")).toAbsolutePath(),
        env.getOrDefault("SKILLWAY_HOST", "127.0.0.1"),
        port(env, "KAFKA_PORT", 9092),
        port(env, "KAFKA_CONTROLLER_PORT", 9093),
        port(env, "MONGODB_PORT", 27017),
        port(env, "INGEST_PORT", 8080),
        port(env, "MATCHING_PORT", 8081),
        port(env, "NOTIFICATION_PORT", 8082));
  }

  private static int port(Map<String, String> env, String name, int fallback) {
    String value = env.get(name);
    if (value == null || value.isBlank()) {
      return fallback;
    }
    try {
      int port = Integer.parseInt(value.trim());
      if (port < 0 || port > 65535) {
        throw new NumberFormatException();
      }
      return port;
    } catch (NumberFormatException e) {
      throw new IllegalArgumentException(
          name + " must be a port number (0-65535), not '" + value + "'");
    }
  }
}
