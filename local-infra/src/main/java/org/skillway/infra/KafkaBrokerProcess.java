package org.skillway.infra;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Apache Kafka's own broker in KRaft mode (broker and controller in one node), run as a child JVM
 * with its data in a folder of its own, so a restart keeps every topic. Started through Kafka's
 * public command-line entry points ({@code kafka.tools.StorageTool format}, {@code kafka.Kafka}),
 * which stay stable across releases where the broker's internal classes do not.
 */
public final class KafkaBrokerProcess implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(KafkaBrokerProcess.class);

  private final Process process;
  private final String bootstrapServers;

  private KafkaBrokerProcess(Process process, String bootstrapServers) {
    this.process = process;
    this.bootstrapServers = bootstrapServers;
  }

  /**
   * Formats the storage on first use, starts the broker and waits until it accepts connections.
   *
   * @param dataDir holds {@code server.properties}, the logs and the broker's output
   * @param classpath a classpath holding {@code kafka_2.13} and an SLF4J binding (Logback)
   */
  public static KafkaBrokerProcess start(
      Path dataDir, String host, int port, int controllerPort, String classpath, Duration timeout) {
    try {
      Path logDir = dataDir.resolve("logs").toAbsolutePath();
      Files.createDirectories(logDir);
      Path config = dataDir.resolve("server.properties").toAbsolutePath();
      Files.writeString(config, serverProperties(host, port, controllerPort, logDir));
      Path logging = dataDir.resolve("logback.xml").toAbsolutePath();
      Files.writeString(logging, loggingConfig(dataDir.resolve("broker.log").toAbsolutePath()));

      if (!Files.exists(logDir.resolve("meta.properties"))) {
        String clusterId = randomClusterId();
        run(
            javaCommand(
                classpath,
                logging,
                "kafka.tools.StorageTool",
                "format",
                "--cluster-id=" + clusterId,
                "-c",
                config.toString()),
            dataDir.resolve("format.log"),
            timeout);
      }
      Process process =
          new ProcessBuilder(javaCommand(classpath, logging, "kafka.Kafka", config.toString()))
              .redirectErrorStream(true)
              .redirectOutput(dataDir.resolve("broker.out").toFile())
              .start();
      KafkaBrokerProcess broker = new KafkaBrokerProcess(process, host + ":" + port);
      broker.awaitPort(host, port, timeout);
      return broker;
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  public String bootstrapServers() {
    return bootstrapServers;
  }

  /** Asks the broker to shut down cleanly (SIGTERM), then forces it after the grace period. */
  @Override
  public void close() {
    process.destroy();
    try {
      if (!process.waitFor(20, TimeUnit.SECONDS)) {
        LOG.warn("Kafka broker did not stop within 20 s; killing it");
        process.destroyForcibly().waitFor(5, TimeUnit.SECONDS);
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
    }
  }

  private void awaitPort(String host, int port, Duration timeout) {
    Instant deadline = Instant.now().plus(timeout);
    while (Instant.now().isBefore(deadline)) {
      if (!process.isAlive()) {
        throw new IllegalStateException(
            "Kafka broker exited with code "
                + process.exitValue()
                + "; see broker.out in its data folder");
      }
      try (Socket socket = new Socket()) {
        socket.connect(new InetSocketAddress(host, port), 200);
        return;
      } catch (IOException notYet) {
        try {
          TimeUnit.MILLISECONDS.sleep(100);
        } catch (InterruptedException e) {
          Thread.currentThread().interrupt();
          throw new IllegalStateException("interrupted while waiting for Kafka", e);
        }
      }
    }
    close();
    throw new IllegalStateException(
        "Kafka broker did not open " + host + ":" + port + " within " + timeout);
  }

  private static void run(List<String> command, Path output, Duration timeout) throws IOException {
    Process process =
        new ProcessBuilder(command)
            .redirectErrorStream(true)
            .redirectOutput(output.toFile())
            .start();
    try {
      if (!process.waitFor(timeout.toMillis(), TimeUnit.MILLISECONDS)) {
        process.destroyForcibly();
        throw new IllegalStateException("timed out: " + String.join(" ", command));
      }
      if (process.exitValue() != 0) {
        throw new IllegalStateException(
            "failed ("
                + process.exitValue()
                + "): "
                + Files.readString(output, StandardCharsets.UTF_8));
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      process.destroyForcibly();
      throw new IllegalStateException("interrupted", e);
    }
  }

  private static List<String> javaCommand(
      String classpath, Path logging, String mainClass, String... args) {
    List<String> command = new ArrayList<>();
    command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
    command.add("-Xms256m");
    command.add("-Xmx512m");
    command.add("-Dlogback.configurationFile=" + logging);
    command.add("-cp");
    command.add(classpath);
    command.add(mainClass);
    command.addAll(List.of(args));
    return command;
  }

  /**
   * A Kafka cluster id: 16 random bytes, URL-safe base64 without padding (what StorageTool
   * random-uuid prints). One that starts with '-' would be read as an option by the storage tool,
   * so those are drawn again.
   */
  static String randomClusterId() {
    while (true) {
      UUID uuid = UUID.randomUUID();
      var buffer = java.nio.ByteBuffer.allocate(16);
      buffer.putLong(uuid.getMostSignificantBits()).putLong(uuid.getLeastSignificantBits());
      String id = java.util.Base64.getUrlEncoder().withoutPadding().encodeToString(buffer.array());
      if (id.charAt(0) != '-') {
        return id;
      }
    }
  }

  static String serverProperties(String host, int port, int controllerPort, Path logDir) {
    return String.join(
            "\n",
            "process.roles=broker,controller",
            "node.id=1",
            "controller.quorum.voters=1@" + host + ":" + controllerPort,
            "listeners=PLAINTEXT://"
                + host
                + ":"
                + port
                + ",CONTROLLER://"
                + host
                + ":"
                + controllerPort,
            "advertised.listeners=PLAINTEXT://" + host + ":" + port,
            "controller.listener.names=CONTROLLER",
            "inter.broker.listener.name=PLAINTEXT",
            "listener.security.protocol.map=PLAINTEXT:PLAINTEXT,CONTROLLER:PLAINTEXT",
            "log.dirs=" + logDir,
            "num.partitions=6",
            "auto.create.topics.enable=false",
            "offsets.topic.replication.factor=1",
            "transaction.state.log.replication.factor=1",
            "transaction.state.log.min.isr=1",
            "share.coordinator.state.topic.replication.factor=1",
            "share.coordinator.state.topic.min.isr=1",
            "group.initial.rebalance.delay.ms=0")
        + "\n";
  }

  /**
   * Kafka logs through SLF4J; the classpath carries Logback, so the broker's log goes to one file.
   */
  private static String loggingConfig(Path logFile) {
    return """
        <configuration>
          <appender name="FILE" class="ch.qos.logback.core.FileAppender">
            <file>%s</file>
            <encoder><pattern>%%d{ISO8601} %%-5level [%%logger{20}] %%msg%%n</pattern></encoder>
          </appender>
          <logger name="org.apache.kafka" level="WARN"/>
          <logger name="kafka" level="WARN"/>
          <logger name="kafka.server.KafkaRaftServer" level="INFO"/>
          <root level="INFO"><appender-ref ref="FILE"/></root>
        </configuration>
        """
        .formatted(logFile);
  }
}
