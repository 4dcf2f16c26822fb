package org.skillway.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class JwtSecretTest {
  @TempDir Path dataDir;

  @Test
  void theLocalTokenKeyIsMadeOnceKeptPrivateAndReusedAfterARestart() throws Exception {
    String first = LocalPlatform.jwtSecret(dataDir);
    String second = LocalPlatform.jwtSecret(dataDir);

    assertThat(first).hasSizeGreaterThanOrEqualTo(32).isEqualTo(second);
    assertThat(
            PosixFilePermissions.toString(
                Files.getPosixFilePermissions(dataDir.resolve("jwt-secret"))))
        .isEqualTo("rw-------");
  }
}
