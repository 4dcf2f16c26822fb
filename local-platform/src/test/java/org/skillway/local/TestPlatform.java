package org.skillway.local;

import java.util.List;
import org.skillway.infra.TestInfrastructure;

/**
 * The three services in local mode on the tests' real broker and MongoDB wire server, on free
 * ports, with this JVM's random secrets. Each test class starts its own and closes it.
 */
final class TestPlatform {
  private TestPlatform() {}

  /**
   * @param settings more {@code --name=value} settings, after local mode's own
   */
  static ServiceSet start(String... settings) {
    TestInfrastructure infra = TestInfrastructure.shared();
    List<String> arguments = new java.util.ArrayList<>(List.of("--spring.profiles.active=local"));
    arguments.addAll(List.of(settings));
    return ServiceSet.start(
        new ServiceSet.Wiring(
            infra.kafkaBootstrapServers(),
            infra.mongoUri(),
            new ServiceSet.Secrets(
                TestInfrastructure.JWT_SECRET,
                TestInfrastructure.INVITATION_KEY,
                TestInfrastructure.WEBHOOK_SECRET_KEY),
            0,
            0,
            0,
            arguments));
  }
}
