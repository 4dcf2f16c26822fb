package org.skillway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.mock.env.MockEnvironment;

class SecretsCheckTest {
  private static final String RANDOM = "q8Vd2KpX0sLm7NwR4tYb1ZcE6uJh9GfA3oIk5Ty";

  @ParameterizedTest
  @ValueSource(
      strings = {
        "",
        "   ",
        "too-short",
        "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa",
        "changemechangemechangemechangeme-1234",
        "demo-operator-key-skillway-local-and-more"
      })
  void outsideLocalModeAServiceRefusesToStartWithAMissingShortOrPlaceholderSecret(String value) {
    SecretsCheck production = new SecretsCheck(new MockEnvironment());

    assertThatThrownBy(() -> production.require("skillway.security.jwt-secret", value))
        .isInstanceOf(IllegalStateException.class)
        .hasMessageContaining("skillway.security.jwt-secret")
        .hasMessageContaining("SKILLWAY_JWT_SECRET");
  }

  @Test
  void aMissingSecretIsRefusedInLocalModeTooAndARandomOneIsAcceptedEverywhere() {
    MockEnvironment local = new MockEnvironment();
    local.setActiveProfiles("local");

    assertThatThrownBy(() -> new SecretsCheck(local).require("skillway.ingest.operator-key", null))
        .hasMessageContaining("SKILLWAY_OPERATOR_KEY")
        .hasMessageContaining("is not set");
    assertThat(new SecretsCheck(local).require("skillway.ingest.operator-key", RANDOM).setting())
        .isEqualTo("skillway.ingest.operator-key");
    assertThat(SecretsCheck.problem(RANDOM, false)).isEmpty();
  }
}
