package org.skillway.support;

import java.nio.charset.StandardCharsets;
import java.util.Optional;
import org.springframework.core.env.Environment;
import org.springframework.core.env.Profiles;

/**
 * Refuses to start a service whose secrets are missing, short, or (outside local mode) a
 * placeholder or a value the repository shows. Local mode is the {@code local} profile that the
 * local launcher activates; it makes its own random secrets, so it needs no exception either way.
 */
public final class SecretsCheck {
  /** The least a secret may hold: 256 bits for HMAC-SHA256 and AES-256 keys. */
  public static final int MINIMUM_BYTES = 32;

  private static final int MINIMUM_DISTINCT_CHARACTERS = 8;

  private final boolean localMode;

  public SecretsCheck(Environment environment) {
    this.localMode = environment.acceptsProfiles(Profiles.of("local"));
  }

  public boolean localMode() {
    return localMode;
  }

  /** A setting that passed the check; a bean of this type makes a service's start wait for it. */
  public record Checked(String setting) {}

  /**
   * @throws IllegalStateException naming the setting, when its value is not fit to use here
   */
  public Checked require(String setting, String value) {
    problem(value, localMode)
        .ifPresent(
            reason -> {
              throw new IllegalStateException(
                  setting
                      + " (environment variable "
                      + environmentVariable(setting)
                      + ") "
                      + reason
                      + "; set it to a random value of at least "
                      + MINIMUM_BYTES
                      + " bytes, e.g. `openssl rand -base64 48`");
            });
    return new Checked(setting);
  }

  /** Why a secret is not fit to use, if it is not. Pure: the rules alone. */
  public static Optional<String> problem(String value, boolean localMode) {
    if (value == null || value.isBlank()) {
      return Optional.of("is not set");
    }
    if (value.getBytes(StandardCharsets.UTF_8).length < MINIMUM_BYTES) {
      return Optional.of("is shorter than " + MINIMUM_BYTES + " bytes");
    }
    if (!localMode) {
      if (value.chars().distinct().count() < MINIMUM_DISTINCT_CHARACTERS) {
        return Optional.of("looks like a placeholder (too few different characters)");
      }
      String lower = value.toLowerCase(java.util.Locale.ROOT);
      if (lower.startsWith("demo-")
          || lower.contains("changeme")
          || lower.contains("change-me")
          || lower.contains("secret-here")) {
        return Optional.of("is a demo or placeholder value");
      }
    }
    return Optional.empty();
  }

  static String environmentVariable(String setting) {
    return switch (setting) {
      case "skillway.security.jwt-secret" -> "SKILLWAY_JWT_SECRET";
      case "skillway.security.invitation-key" -> "SKILLWAY_INVITATION_KEY";
      case "skillway.notification.webhook-secret-key" -> "SKILLWAY_WEBHOOK_SECRET_KEY";
      case "skillway.ingest.operator-key" -> "SKILLWAY_OPERATOR_KEY";
      default -> setting.toUpperCase(java.util.Locale.ROOT).replace('.', '_').replace('-', '_');
    };
  }
}
