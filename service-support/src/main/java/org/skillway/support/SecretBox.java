package org.skillway.support;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import java.util.Base64;
import javax.crypto.Cipher;
import javax.crypto.SecretKey;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;

/**
 * Seals short texts with AES-256-GCM, so that whoever holds the sealed form without the key (a
 * Kafka topic reader, a database dump) can neither read nor alter it. The key is derived from a
 * configured secret of at least 32 bytes under a purpose label, so one secret never serves two
 * purposes. {@code context} is authenticated but not encrypted: a sealed value opened with another
 * context (another profile id, another event) fails, so it cannot be moved between records.
 *
 * <p>Sealed form: {@code v1.<base64url(12-byte nonce || ciphertext || 16-byte tag)>}.
 */
public final class SecretBox {
  private static final String PREFIX = "v1.";
  private static final int NONCE_BYTES = 12;
  private static final int TAG_BITS = 128;
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretKey key;

  private SecretBox(SecretKey key) {
    this.key = key;
  }

  /**
   * @param secret the configured secret (at least 32 bytes)
   * @param purpose what this box seals, e.g. {@code "skillway-invitation-v1"}
   */
  public static SecretBox of(byte[] secret, String purpose) {
    if (secret == null || secret.length < 32) {
      throw new IllegalArgumentException("a sealing secret needs at least 32 bytes");
    }
    return new SecretBox(
        new SecretKeySpec(
            Hashes.hmacSha256(secret, purpose.getBytes(StandardCharsets.UTF_8)), "AES"));
  }

  public String seal(String plain, String context) {
    try {
      byte[] nonce = new byte[NONCE_BYTES];
      RANDOM.nextBytes(nonce);
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.ENCRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, nonce));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] sealed = cipher.doFinal(plain.getBytes(StandardCharsets.UTF_8));
      ByteBuffer out = ByteBuffer.allocate(NONCE_BYTES + sealed.length).put(nonce).put(sealed);
      return PREFIX + Base64.getUrlEncoder().withoutPadding().encodeToString(out.array());
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
    }
  }

  /**
   * @throws IllegalArgumentException when the value was not sealed by this box for this context, or
   *     was altered
   */
  public String open(String sealed, String context) {
    if (sealed == null || !sealed.startsWith(PREFIX)) {
      throw new IllegalArgumentException("not a sealed value");
    }
    try {
      byte[] bytes = Base64.getUrlDecoder().decode(sealed.substring(PREFIX.length()));
      if (bytes.length < NONCE_BYTES + TAG_BITS / 8) {
        throw new IllegalArgumentException("sealed value too short");
      }
      Cipher cipher = Cipher.getInstance("AES/GCM/NoPadding");
      cipher.init(Cipher.DECRYPT_MODE, key, new GCMParameterSpec(TAG_BITS, bytes, 0, NONCE_BYTES));
      cipher.updateAAD(context.getBytes(StandardCharsets.UTF_8));
      byte[] plain = cipher.doFinal(bytes, NONCE_BYTES, bytes.length - NONCE_BYTES);
      return new String(plain, StandardCharsets.UTF_8);
    } catch (javax.crypto.AEADBadTagException e) {
      throw new IllegalArgumentException(
          "the sealed value was altered or sealed for another record");
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("AES-GCM is part of every Java runtime", e);
    }
  }
}
