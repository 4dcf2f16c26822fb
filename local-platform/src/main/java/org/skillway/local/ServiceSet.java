package org.skillway.local;

import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.TimeoutException;
import org.skillway.infra.FreePorts;
import org.skillway.ingest.IngestApplication;
import org.skillway.matching.MatchingApplication;
import org.skillway.notification.NotificationApplication;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * The three services, each in its own Spring context in this JVM, talking to each other only
 * through Kafka and MongoDB, exactly as separate processes would.
 */
public final class ServiceSet implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ServiceSet.class);
  private static final long STOP_TIMEOUT_SECONDS = 15;

  /** What every service is pointed at. Ports may be 0 to pick free ones. */
  public record Wiring(
      String kafkaBootstrapServers,
      String mongoUri,
      Secrets secrets,
      int ingestPort,
      int matchingPort,
      int notificationPort,
      List<String> extraArguments) {}

  /**
   * The platform's secrets: the identity-token key, the invitation-sealing key (ingest and
   * notification) and the key webhook secrets are sealed with at rest (notification).
   */
  public record Secrets(String jwtSecret, String invitationKey, String webhookSecretKey) {}

  private final List<ConfigurableApplicationContext> contexts;

  private ServiceSet(List<ConfigurableApplicationContext> contexts) {
    this.contexts = contexts;
  }

  public static ServiceSet start(Wiring wiring) {
    List<ConfigurableApplicationContext> started = new ArrayList<>();
    // ingest asks the other two for a person's data export, so it must know their ports first.
    int matchingPort = wiring.matchingPort() == 0 ? FreePorts.find() : wiring.matchingPort();
    int notificationPort =
        wiring.notificationPort() == 0 ? FreePorts.find() : wiring.notificationPort();
    try {
      started.add(
          run(
              IngestApplication.builder(),
              wiring,
              wiring.ingestPort(),
              "--skillway.ingest.services.matching-url=http://127.0.0.1:" + matchingPort,
              "--skillway.ingest.services.notification-url=http://127.0.0.1:" + notificationPort));
      started.add(run(MatchingApplication.builder(), wiring, matchingPort));
      started.add(run(NotificationApplication.builder(), wiring, notificationPort));
      return new ServiceSet(started);
    } catch (RuntimeException e) {
      new ServiceSet(started).close();
      throw e;
    }
  }

  private static ConfigurableApplicationContext run(
      SpringApplicationBuilder builder, Wiring wiring, int port, String... serviceArguments) {
    List<String> args = new ArrayList<>();
    args.add("--server.port=" + port);
    args.add("--spring.kafka.bootstrap-servers=" + wiring.kafkaBootstrapServers());
    args.add("--spring.mongodb.uri=" + wiring.mongoUri());
    args.add("--skillway.security.jwt-secret=" + wiring.secrets().jwtSecret());
    args.add("--skillway.security.invitation-key=" + wiring.secrets().invitationKey());
    args.add("--skillway.notification.webhook-secret-key=" + wiring.secrets().webhookSecretKey());
    // One JVM shares one logging system: a per-application name in each line would name the wrong
    // service.
    args.add("--logging.include-application-name=false");
    args.addAll(List.of(serviceArguments));
    args.addAll(wiring.extraArguments());
    return builder.registerShutdownHook(false).run(args.toArray(String[]::new));
  }

  /**
   * The running services' contexts: ingest, matching, notification (for tests that read routes).
   */
  public List<ConfigurableApplicationContext> contexts() {
    return List.copyOf(contexts);
  }

  public int ingestPort() {
    return port(0);
  }

  public int matchingPort() {
    return port(1);
  }

  public int notificationPort() {
    return port(2);
  }

  private int port(int index) {
    return Integer.parseInt(
        contexts.get(index).getEnvironment().getRequiredProperty("local.server.port"));
  }

  /**
   * Stops the services newest first, giving each a bounded time (a hung client must not hang the
   * stop).
   */
  @Override
  public void close() {
    for (int i = contexts.size() - 1; i >= 0; i--) {
      ConfigurableApplicationContext context = contexts.get(i);
      try {
        CompletableFuture.runAsync(context::close).get(STOP_TIMEOUT_SECONDS, TimeUnit.SECONDS);
      } catch (TimeoutException e) {
        LOG.warn("{} did not stop within {} s; moving on", context.getId(), STOP_TIMEOUT_SECONDS);
      } catch (Exception e) {
        LOG.warn("Stopping {} failed: {}", context.getId(), e.toString());
      }
    }
  }
}
