package org.skillway.notification.webhook;

import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.MessageDigest;
import java.time.Duration;
import java.time.Instant;
import java.util.HexFormat;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * The {@code Skillway-Signature} header of a webhook request: {@code t=<unix seconds>,v1=<hex
 * HMAC-SHA256 of "<t>.<body>" under the endpoint's secret>}. A receiver recomputes the HMAC,
 * compares in constant time, and rejects a timestamp outside its replay window (five minutes is the
 * documented default).
 */
public final class WebhookSignature {
  public static final String HEADER = "Skillway-Signature";
  public static final Duration REPLAY_WINDOW = Duration.ofMinutes(5);

  private WebhookSignature() {}

  public static String sign(String secret, Instant at, String body) {
    long t = at.getEpochSecond();
    return "t=" + t + ",v1=" + hmac(secret, t + "." + body);
  }

  /** What a receiver does; used by the tests' receiver and shown in the README. */
  public static boolean verify(String secret, String header, String body, Instant now) {
    if (header == null) {
      return false;
    }
    long t = -1;
    String v1 = null;
    for (String part : header.split(",")) {
      String[] kv = part.trim().split("=", 2);
      if (kv.length == 2 && kv[0].equals("t")) {
        try {
          t = Long.parseLong(kv[1]);
        } catch (NumberFormatException e) {
          return false;
        }
      } else if (kv.length == 2 && kv[0].equals("v1")) {
        v1 = kv[1];
      }
    }
    if (t < 0 || v1 == null) {
      return false;
    }
    if (Duration.between(Instant.ofEpochSecond(t), now).abs().compareTo(REPLAY_WINDOW) > 0) {
      return false;
    }
    return MessageDigest.isEqual(
        hmac(secret, t + "." + body).getBytes(StandardCharsets.US_ASCII),
        v1.getBytes(StandardCharsets.US_ASCII));
  }

  static String hmac(String secret, String text) {
    try {
      Mac mac = Mac.getInstance("HmacSHA256");
      mac.init(new SecretKeySpec(secret.getBytes(StandardCharsets.UTF_8), "HmacSHA256"));
      return HexFormat.of().formatHex(mac.doFinal(text.getBytes(StandardCharsets.UTF_8)));
    } catch (GeneralSecurityException e) {
      throw new IllegalStateException("HmacSHA256 is part of every Java runtime", e);
    }
  }
}
