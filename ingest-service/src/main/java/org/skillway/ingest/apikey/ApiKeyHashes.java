package org.skillway.ingest.apikey;

import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;

/**
 * API keys are 256-bit random values, so a fast hash is enough to keep them safe at rest (unlike
 * passwords, which need a slow, salted encoder); it also lets the key itself be the look-up.
 */
final class ApiKeyHashes {
  private ApiKeyHashes() {}

  static String sha256(String plainKey) {
    try {
      byte[] digest =
          MessageDigest.getInstance("SHA-256").digest(plainKey.getBytes(StandardCharsets.UTF_8));
      return HexFormat.of().formatHex(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is always present in the JDK", e);
    }
  }
}
