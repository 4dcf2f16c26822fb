package org.skillway.notification.webhook;

import java.security.SecureRandom;
import java.util.HexFormat;
import org.skillway.notification.system.NotificationProperties;
import org.skillway.support.SecretBox;
import org.springframework.stereotype.Component;

/**
 * Employers' webhook signing secrets. They are stored sealed (AES-256-GCM under {@code
 * skillway.notification.webhook-secret-key}, the employer id as context), so a copy of the database
 * is not enough to forge requests an employer's system would trust; only the dispatcher opens one,
 * to sign a request. Made without the key, this refuses to start.
 */
@Component
public class WebhookSecrets {
  static final String PURPOSE = "skillway-webhook-secret-v1";
  private static final SecureRandom RANDOM = new SecureRandom();

  private final SecretBox box;

  WebhookSecrets(NotificationProperties settings) {
    this.box = SecretBox.of(settings.webhookSecretKeyBytes(), PURPOSE);
  }

  /** A new signing secret, in the form shown to the employer once. */
  public String newSecret() {
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    return "whsec_" + HexFormat.of().formatHex(secret);
  }

  public String seal(String employerId, String secret) {
    return box.seal(secret, employerId);
  }

  /**
   * @throws IllegalArgumentException if the sealed secret was altered or belongs to another
   *     employer
   */
  public String open(String employerId, String sealed) {
    return box.open(sealed, employerId);
  }
}
