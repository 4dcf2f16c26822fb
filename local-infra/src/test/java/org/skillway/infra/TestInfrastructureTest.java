package org.skillway.infra;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.skillway.infra.TestInfrastructure.Mode;

class TestInfrastructureTest {
  @Test
  void autoPicksTestcontainersOnlyWhenDockerAnswers() {
    assertThat(TestInfrastructure.chooseMode(null, () -> true)).isEqualTo(Mode.TESTCONTAINERS);
    assertThat(TestInfrastructure.chooseMode("auto", () -> false)).isEqualTo(Mode.EMBEDDED);
  }

  @Test
  void anExplicitSettingWinsWithoutAskingDocker() {
    assertThat(
            TestInfrastructure.chooseMode(
                "Embedded",
                () -> {
                  throw new AssertionError("must not probe Docker");
                }))
        .isEqualTo(Mode.EMBEDDED);
    assertThat(TestInfrastructure.chooseMode(" testcontainers ", () -> false))
        .isEqualTo(Mode.TESTCONTAINERS);
  }

  @Test
  void aMisspeltSettingFailsWithTheAllowedValues() {
    assertThatThrownBy(() -> TestInfrastructure.chooseMode("docker", () -> true))
        .hasMessageContaining("auto, embedded or testcontainers");
  }
}
