package org.skillway.notification.preference;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.util.Base64;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.skillway.support.SkillwayProperties;
import org.springframework.stereotype.Component;

/**
 * The token in an e-mail's unsubscribe link: the profile id and an HMAC of it, under a key derived
 * from the platform secret. It can only switch e-mail off, so it needs no expiry and no sign-in.
 */
@Component
public class UnsubscribeTokens {
  private final byte[] key;

  UnsubscribeTokens(SkillwayProperties properties) {
    this.key = hmac(properties.security().secretKey(), "skillway-unsubscribe-v1");
  }

  public String issue(String profileId) {
    Base64.Encoder base64 = Base64.getUrlEncoder().withoutPadding();
    return base64.encodeToString(profileId.getBytes(StandardCharsets.UTF_8))
        + "."
        + base64.encodeToString(hmac(key, profileId));
  }

  /** The profile id the token was issued for, if it is genuine. */
  public Optional<String> verify(String token) {
    if (token == null) {
      return Optional.empty();
    }
    String[] parts = token.split("\\.");
    if (parts.length != 2) {
      return Optional.empty();
    }
    try {
      String profileId =
          new String(Base64.getUrlDecoder().decode(parts[0]), StandardCharsets.UTF_8);
      byte[] signature = Base64.getUrlDecoder().decode(parts[1]);
      return MessageDigest.isEqual(signature, hmac(key, profileId))
          ? Optional.of(profileId)
          : Optional.empty();
    } catch (IllegalArgumentException notBase64) {
      return Optional.empty();
    }
  }

  private static byte[] hmac(byte[] key, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(key, "HmacSHA256"));
      return mac.doFinal(text.getBytes(StandardCharsets.UTF_8));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
