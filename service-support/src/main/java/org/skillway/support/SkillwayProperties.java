package org.skillway.support;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * Settings every service reads under {@code skillway.*}.
 *
 * @param kafka topic layout
 * @param security identity-token settings; the secret has no default and must come from the
 *     environment
 */
@ConfigurationProperties("skillway")
public record SkillwayProperties(@DefaultValue Kafka kafka, @DefaultValue Security security) {

  /**
   * @param partitions partitions per topic; matching instances scale out up to this number
   * @param replicationFactor 1 on a single local broker, 3 in production
   */
  public record Kafka(
      @DefaultValue("6") int partitions, @DefaultValue("1") short replicationFactor) {}

  /**
   * @param jwtSecret HMAC key shared by the services that issue and verify identity tokens, at
   *     least 32 bytes
   * @param invitationKey seals invitation links on Kafka for the notification service alone; shared
   *     by ingest-service and notification-service, at least 32 bytes
   * @param tokenTtl how long an identity token is valid
   * @param issuer the {@code iss} claim of every token
   */
  public record Security(
      String jwtSecret,
      String invitationKey,
      @DefaultValue("PT30M") Duration tokenTtl,
      @DefaultValue("skillway") String issuer) {

    public byte[] secretKey() {
      return required(jwtSecret, "skillway.security.jwt-secret (env SKILLWAY_JWT_SECRET)");
    }

    public byte[] invitationKeyBytes() {
      return required(
          invitationKey, "skillway.security.invitation-key (env SKILLWAY_INVITATION_KEY)");
    }
  }

  /** A configured secret's bytes; refuses an absent or short one, naming the setting. */
  public static byte[] required(String secret, String setting) {
    if (secret == null || secret.getBytes(StandardCharsets.UTF_8).length < 32) {
      throw new IllegalStateException(setting + " must be set to at least 32 bytes");
    }
    return secret.getBytes(StandardCharsets.UTF_8);
  }
}
