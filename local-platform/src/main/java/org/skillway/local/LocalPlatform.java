package org.skillway.local;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.ServerSetup;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import java.util.concurrent.CountDownLatch;
import org.skillway.infra.KafkaBrokerProcess;
import org.skillway.infra.MongoWireServer;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs the whole platform on this machine without Docker: Apache Kafka's KRaft broker (a child
 * JVM), the MongoDB wire-protocol server on an H2 file, and the three services. Everything it
 * stores lives under {@link LocalSettings#dataDir()}, so a restart keeps it. Ctrl-C stops it all.
 */
public final class LocalPlatform implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(LocalPlatform.class);

  /** The local SMTP server's port (IMAP is on this plus 118, as 3025 and 3143). */
  static final int SMTP_PORT = envPort("SMTP_PORT", 3025);

  private final KafkaBrokerProcess kafka;
  private final MongoWireServer mongo;
  private final GreenMail mail;
  private final ServiceSet services;

  private LocalPlatform(
      KafkaBrokerProcess kafka, MongoWireServer mongo, GreenMail mail, ServiceSet services) {
    this.kafka = kafka;
    this.mongo = mongo;
    this.mail = mail;
    this.services = services;
  }

  private static int envPort(String name, int fallback) {
    String value = System.getenv(name);
    return value == null || value.isBlank() ? fallback : Integer.parseInt(value.trim());
  }

  /**
   * A real SMTP server for the e-mails notification-service sends, with IMAP so any mail client can
   * read them: sign in with the address as both user name and password.
   */
  private static GreenMail startMail(String host) {
    GreenMail mail =
        new GreenMail(
            new ServerSetup[] {
              new ServerSetup(SMTP_PORT, host, ServerSetup.PROTOCOL_SMTP),
              new ServerSetup(SMTP_PORT + 118, host, ServerSetup.PROTOCOL_IMAP)
            });
    mail.start();
    return mail;
  }

  /**
   * @param classpath a classpath holding Kafka's broker, for its child JVM
   */
  public static LocalPlatform start(LocalSettings settings, String classpath) {
    List.of(
            settings.kafkaPort(),
            settings.kafkaControllerPort(),
            settings.mongoPort(),
            settings.ingestPort(),
            settings.matchingPort(),
            settings.notificationPort(),
            SMTP_PORT,
            SMTP_PORT + 118)
        .forEach(port -> requireFree(settings.host(), port));
    KafkaBrokerProcess kafka =
        KafkaBrokerProcess.start(
            settings.dataDir().resolve("kafka"),
            settings.host(),
            settings.kafkaPort(),
            settings.kafkaControllerPort(),
            classpath,
            Duration.ofSeconds(60));
    MongoWireServer mongo = null;
    GreenMail mail = null;
    try {
      mail = startMail(settings.host());
      mongo =
          MongoWireServer.persistent(
              settings.dataDir().resolve("mongo").resolve("skillway.mv"),
              settings.host(),
              settings.mongoPort());
      ServiceSet services =
          ServiceSet.start(
              new ServiceSet.Wiring(
                  kafka.bootstrapServers(),
                  mongo.connectionString(),
                  new ServiceSet.Secrets(
                      localSecret(settings.dataDir(), "SKILLWAY_JWT_SECRET", "jwt-secret"),
                      localSecret(settings.dataDir(), "SKILLWAY_INVITATION_KEY", "invitation-key"),
                      localSecret(
                          settings.dataDir(), "SKILLWAY_WEBHOOK_SECRET_KEY", "webhook-secret-key")),
                  settings.ingestPort(),
                  settings.matchingPort(),
                  settings.notificationPort(),
                  List.of("--spring.profiles.active=local")));
      return new LocalPlatform(kafka, mongo, mail, services);
    } catch (RuntimeException e) {
      if (mail != null) {
        mail.stop();
      }
      if (mongo != null) {
        mongo.close();
      }
      kafka.close();
      throw e;
    }
  }

  public ServiceSet services() {
    return services;
  }

  public String kafkaBootstrapServers() {
    return kafka.bootstrapServers();
  }

  public String mongoUri() {
    return mongo.connectionString();
  }

  @Override
  public void close() {
    services.close();
    mail.stop();
    mongo.close();
    kafka.close();
  }

  /**
   * A secret of the local platform: from the environment variable if set, otherwise made once and
   * kept (readable by its owner only) in the data folder, so tokens and sealed values stay valid
   * across restarts and no secret is ever in git.
   */
  static String localSecret(Path dataDir, String environmentVariable, String fileName) {
    String fromEnvironment = System.getenv(environmentVariable);
    if (fromEnvironment != null && !fromEnvironment.isBlank()) {
      return fromEnvironment;
    }
    Path file = dataDir.resolve(fileName);
    try {
      if (!Files.exists(file)) {
        Files.createDirectories(dataDir);
        byte[] key = new byte[48];
        new SecureRandom().nextBytes(key);
        Files.writeString(file, Base64.getUrlEncoder().withoutPadding().encodeToString(key));
        Files.setPosixFilePermissions(file, PosixFilePermissions.fromString("rw-------"));
      }
      return Files.readString(file).trim();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static void requireFree(String host, int port) {
    if (port == 0) {
      return;
    }
    try (ServerSocket socket = new ServerSocket()) {
      socket.bind(new InetSocketAddress(host, port));
    } catch (IOException e) {
      throw new IllegalStateException(
          "Port "
              + port
              + " on "
              + host
              + " is in use. Stop whatever holds it (a previous run?) or choose another port; see README.");
    }
  }

  public static void main(String[] args) throws InterruptedException {
    long began = System.nanoTime();
    LocalSettings settings = LocalSettings.from(System.getenv());
    LocalPlatform platform = start(settings, System.getProperty("java.class.path"));
    CountDownLatch stopped = new CountDownLatch(1);
    Runtime.getRuntime()
        .addShutdownHook(
            new Thread(
                () -> {
                  LOG.info("Stopping Skillway…");
                  platform.close();
                  stopped.countDown();
                },
                "skillway-stop"));
    String host = settings.host();
    ServiceSet services = platform.services();
    LOG.info(
        """

        Skillway is running (ready in {} s). Data: {}
          Web app               http://{}:{}/
          ingest-service        http://{}:{}   (POST /api/v1/vacancies, POST /api/v1/accounts)
          matching-service      http://{}:{}
          notification-service  http://{}:{}   (GET /api/v1/profiles/{id}/notifications)
          Kafka                 {}
          MongoDB (wire server) {}
          E-mail (GreenMail)    SMTP {}:{}, IMAP {}:{} (user and password: the address)
          Health: /actuator/health   Metrics: /actuator/prometheus
          Demo API keys (X-API-Key): employer demo-employer-key-northwest-digital,
                                     university demo-university-key-northwest-uni
        Press Ctrl-C to stop.
        """,
        Duration.ofNanos(System.nanoTime() - began).toSeconds(),
        settings.dataDir(),
        host,
        services.ingestPort(),
        host,
        services.ingestPort(),
        host,
        services.matchingPort(),
        host,
        services.notificationPort(),
        platform.kafkaBootstrapServers(),
        platform.mongoUri(),
        host,
        SMTP_PORT,
        host,
        SMTP_PORT + 118);
    stopped.await();
  }
}
