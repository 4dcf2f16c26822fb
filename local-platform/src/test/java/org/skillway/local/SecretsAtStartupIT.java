package org.skillway.local;

import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.function.Supplier;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skillway.infra.TestInfrastructure;
import org.skillway.ingest.IngestApplication;
import org.skillway.matching.MatchingApplication;
import org.skillway.notification.NotificationApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;

/**
 * Outside local mode no service starts with a secret that is missing, short or a placeholder: the
 * start fails at once, naming the setting and its environment variable. (Local mode makes its own
 * random secrets; see LocalPlatform.)
 */
class SecretsAtStartupIT {
  private static final String GOOD = "q8Vd2KpX0sLm7NwR4tYb1ZcE6uJh9GfA3oIk5Ty-" + System.nanoTime();

  static Stream<Arguments> servicesAndTheirSecrets() {
    Supplier<SpringApplicationBuilder> ingest = IngestApplication::builder;
    Supplier<SpringApplicationBuilder> matching = MatchingApplication::builder;
    Supplier<SpringApplicationBuilder> notification = NotificationApplication::builder;
    List<Arguments> cases = new ArrayList<>();
    for (String bad : List.of("", "changemechangemechangemechangeme-123")) {
      cases.add(
          Arguments.of(
              "ingest", ingest, "skillway.security.jwt-secret", "SKILLWAY_JWT_SECRET", bad));
      cases.add(
          Arguments.of(
              "ingest",
              ingest,
              "skillway.security.invitation-key",
              "SKILLWAY_INVITATION_KEY",
              bad));
      cases.add(
          Arguments.of(
              "ingest", ingest, "skillway.ingest.operator-key", "SKILLWAY_OPERATOR_KEY", bad));
      cases.add(
          Arguments.of(
              "matching", matching, "skillway.security.jwt-secret", "SKILLWAY_JWT_SECRET", bad));
      cases.add(
          Arguments.of(
              "notification",
              notification,
              "skillway.security.jwt-secret",
              "SKILLWAY_JWT_SECRET",
              bad));
      cases.add(
          Arguments.of(
              "notification",
              notification,
              "skillway.security.invitation-key",
              "SKILLWAY_INVITATION_KEY",
              bad));
      cases.add(
          Arguments.of(
              "notification",
              notification,
              "skillway.notification.webhook-secret-key",
              "SKILLWAY_WEBHOOK_SECRET_KEY",
              bad));
    }
    return cases.stream();
  }

  @ParameterizedTest(name = "{0} refuses {2}=''{4}''")
  @MethodSource("servicesAndTheirSecrets")
  void aServiceRefusesToStartWithAMissingShortOrPlaceholderSecret(
      String service,
      Supplier<SpringApplicationBuilder> builder,
      String setting,
      String environmentVariable,
      String value) {
    TestInfrastructure infra = TestInfrastructure.shared();
    List<String> args = new ArrayList<>();
    args.add("--server.port=0");
    args.add("--spring.kafka.bootstrap-servers=" + infra.kafkaBootstrapServers());
    args.add("--spring.mongodb.uri=" + infra.mongoUri());
    args.add("--logging.include-application-name=false");
    Map.of(
            "skillway.security.jwt-secret", GOOD,
            "skillway.security.invitation-key", GOOD + "-i",
            "skillway.notification.webhook-secret-key", GOOD + "-w",
            "skillway.ingest.operator-key", GOOD + "-o")
        .forEach((key, good) -> args.add("--" + key + "=" + (key.equals(setting) ? value : good)));

    assertThatThrownBy(
            () ->
                builder.get().registerShutdownHook(false).run(args.toArray(String[]::new)).close())
        .hasStackTraceContaining(setting)
        .hasStackTraceContaining(environmentVariable);
  }
}
