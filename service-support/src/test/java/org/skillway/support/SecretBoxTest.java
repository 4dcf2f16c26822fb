package org.skillway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

class SecretBoxTest {
  private static final byte[] SECRET =
      "a test secret of more than thirty-two bytes".getBytes(StandardCharsets.UTF_8);

  @Test
  void aSealedTextOpensWithTheSameKeyAndContextAndShowsNothingOfItself() {
    SecretBox box = SecretBox.of(SECRET, "skillway-invitation-v1");

    String sealed = box.seal("https://skillway.example/claim?token=abc", "profile-1#1");

    assertThat(sealed).startsWith("v1.").doesNotContain("token").doesNotContain("abc");
    assertThat(box.open(sealed, "profile-1#1"))
        .isEqualTo("https://skillway.example/claim?token=abc");
  }

  @Test
  void aSealedTextMovedToAnotherRecordOrAlteredOrOpenedForAnotherPurposeIsRefused() {
    SecretBox box = SecretBox.of(SECRET, "skillway-invitation-v1");
    String sealed = box.seal("secret", "profile-1#1");
    // A character in the middle of the ciphertext (the last one may hold only padding bits).
    int at = sealed.length() / 2;
    String altered =
        sealed.substring(0, at) + (sealed.charAt(at) == 'A' ? 'B' : 'A') + sealed.substring(at + 1);

    assertThatThrownBy(() -> box.open(sealed, "profile-2#1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> box.open(altered, "profile-1#1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> SecretBox.of(SECRET, "another-purpose").open(sealed, "profile-1#1"))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> box.open("plain text", "profile-1#1"))
        .isInstanceOf(IllegalArgumentException.class);
  }

  @Test
  void aShortSecretIsRefused() {
    assertThatThrownBy(() -> SecretBox.of("short".getBytes(StandardCharsets.UTF_8), "p"))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
