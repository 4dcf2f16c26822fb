package org.skillway.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class LocalSecretsTest {
  @TempDir Path dataDir;

  @Test
  void eachLocalSecretIsMadeOnceKeptPrivateAndReusedAfterARestart() throws Exception {
    String first = LocalPlatform.localSecret(dataDir, "SKILLWAY_TEST_UNSET_SECRET", "jwt-secret");
    String second = LocalPlatform.localSecret(dataDir, "SKILLWAY_TEST_UNSET_SECRET", "jwt-secret");
    String other =
        LocalPlatform.localSecret(dataDir, "SKILLWAY_TEST_UNSET_SECRET", "invitation-key");

    assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second).isNotEqualTo(other);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("jwt-secret"))))
        .isEqualTo("rw-------");
  }
}
