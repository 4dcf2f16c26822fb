package org.skillway.infra;

import java.util.Locale;
import java.util.Map;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.kafka.test.EmbeddedKafkaKraftBroker;
import org.testcontainers.DockerClientFactory;
import org.testcontainers.kafka.KafkaContainer;
import org.testcontainers.mongodb.MongoDBContainer;

/**
 * The real Kafka broker and MongoDB server that integration tests talk to, started once per test
 * JVM.
 *
 * <p>One switch, the system property {@code skillway.infra} or the environment variable {@code
 * SKILLWAY_INFRA}: {@code testcontainers} (Kafka and MongoDB in containers), {@code embedded}
 * (Apache Kafka's KRaft broker in-process and the mongo-java-server wire server) or {@code auto},
 * the default, which uses Testcontainers when a Docker engine answers and the embedded pair
 * otherwise.
 */
public final class TestInfrastructure {
  public static final String SETTING = "skillway.infra";
  public static final String KAFKA_IMAGE = "apache/kafka-native:4.1.2";
  public static final String MONGO_IMAGE = "mongo:8.0";
  public static final int PARTITIONS = 6;

  /** A fresh identity-token secret per test JVM; never a fixed value in the repository. */
  public static final String JWT_SECRET = randomSecret();

  /** The invitation-sealing key shared by ingest and notification in tests; random per JVM. */
  public static final String INVITATION_KEY = randomSecret();

  /** ingest-service's bootstrap operator key in tests; random per JVM. */
  public static final String OPERATOR_KEY = "sw_test_operator_" + randomSecret();

  /** The key notification-service seals employers' webhook secrets with at rest; random per JVM. */
  public static final String WEBHOOK_SECRET_KEY = randomSecret();

  private static final Logger LOG = LoggerFactory.getLogger(TestInfrastructure.class);
  private static TestInfrastructure shared;

  /** Which kind of infrastructure runs. */
  public enum Mode {
    EMBEDDED,
    TESTCONTAINERS
  }

  private final Mode mode;
  private final String kafkaBootstrapServers;
  private final String mongoUri;
  private final Runnable stop;

  private static String randomSecret() {
    return java.util.UUID.randomUUID() + "-" + java.util.UUID.randomUUID();
  }

  private TestInfrastructure(Mode mode, String kafka, String mongo, Runnable stop) {
    this.mode = mode;
    this.kafkaBootstrapServers = kafka;
    this.mongoUri = mongo;
    this.stop = stop;
  }

  /** Starts the infrastructure on first call; later calls in the same JVM share it. */
  public static synchronized TestInfrastructure shared() {
    if (shared == null) {
      String setting = System.getProperty(SETTING, System.getenv("SKILLWAY_INFRA"));
      Mode mode = chooseMode(setting, TestInfrastructure::dockerAvailable);
      shared = mode == Mode.TESTCONTAINERS ? startContainers() : startEmbedded();
      Runtime.getRuntime().addShutdownHook(new Thread(shared.stop, "test-infra-stop"));
      LOG.info(
          "Test infrastructure: {} (Kafka {}, MongoDB {})",
          mode,
          shared.kafkaBootstrapServers,
          shared.mongoUri);
    }
    return shared;
  }

  static Mode chooseMode(String setting, BooleanSupplier dockerAvailable) {
    String value =
        setting == null || setting.isBlank() ? "auto" : setting.trim().toLowerCase(Locale.ROOT);
    return switch (value) {
      case "embedded" -> Mode.EMBEDDED;
      case "testcontainers" -> Mode.TESTCONTAINERS;
      case "auto" -> dockerAvailable.getAsBoolean() ? Mode.TESTCONTAINERS : Mode.EMBEDDED;
      default ->
          throw new IllegalArgumentException(
              SETTING + " must be auto, embedded or testcontainers, not '" + setting + "'");
    };
  }

  /**
   * Spring properties that point a service at this infrastructure, with its own MongoDB database
   * and a random identity-token secret for this JVM.
   */
  public Map<String, String> springProperties(String mongoDatabase) {
    return Map.of(
        "spring.kafka.bootstrap-servers", kafkaBootstrapServers,
        "spring.mongodb.uri", mongoUri,
        "spring.mongodb.database", mongoDatabase,
        "skillway.security.jwt-secret", JWT_SECRET,
        "skillway.security.invitation-key", INVITATION_KEY,
        "skillway.notification.webhook-secret-key", WEBHOOK_SECRET_KEY,
        "skillway.ingest.operator-key", OPERATOR_KEY);
  }

  /**
   * A producer that writes raw records as another service would (acks=all), for tests that play the
   * upstream service. The caller closes it.
   */
  public org.apache.kafka.clients.producer.KafkaProducer<String, byte[]> rawProducer() {
    return new org.apache.kafka.clients.producer.KafkaProducer<>(
        Map.of("bootstrap.servers", kafkaBootstrapServers, "acks", "all"),
        new org.apache.kafka.common.serialization.StringSerializer(),
        new org.apache.kafka.common.serialization.ByteArraySerializer());
  }

  public Mode mode() {
    return mode;
  }

  public String kafkaBootstrapServers() {
    return kafkaBootstrapServers;
  }

  /** A connection string without a database name; each test picks its own database. */
  public String mongoUri() {
    return mongoUri;
  }

  private static boolean dockerAvailable() {
    try {
      return DockerClientFactory.instance().isDockerAvailable();
    } catch (RuntimeException | LinkageError e) {
      return false;
    }
  }

  private static TestInfrastructure startEmbedded() {
    EmbeddedKafkaKraftBroker kafka = new EmbeddedKafkaKraftBroker(1, PARTITIONS);
    kafka.brokerProperties(
        Map.of("auto.create.topics.enable", "false", "group.initial.rebalance.delay.ms", "0"));
    kafka.afterPropertiesSet();
    MongoWireServer mongo = MongoWireServer.inMemory("127.0.0.1", 0);
    return new TestInfrastructure(
        Mode.EMBEDDED,
        kafka.getBrokersAsString(),
        mongo.connectionString(),
        () -> {
          mongo.close();
          kafka.destroy();
        });
  }

  private static TestInfrastructure startContainers() {
    KafkaContainer kafka = new KafkaContainer(KAFKA_IMAGE);
    MongoDBContainer mongo = new MongoDBContainer(MONGO_IMAGE);
    kafka.start();
    mongo.start();
    return new TestInfrastructure(
        Mode.TESTCONTAINERS,
        kafka.getBootstrapServers(),
        mongo.getConnectionString(),
        () -> {
          mongo.stop();
          kafka.stop();
        });
  }
}
