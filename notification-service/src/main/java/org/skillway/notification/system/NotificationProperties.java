package org.skillway.notification.system;

import java.time.Duration;
import org.skillway.notification.delivery.Backoff;
import org.skillway.support.SkillwayProperties;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param groupId the consumer group of the match listener
 * @param retryFor how long a failing event is retried before it goes to the dead-letter topic
 * @param publicUrl where people reach this service, for the unsubscribe links in e-mails
 * @param mailFrom the sender of the e-mails
 * @param dispatchEvery how often due deliveries are sent; a round that comes back full is followed
 *     by the next straight away
 * @param dispatchBatch at most this many deliveries per round
 * @param dispatchSearchEvery how often the whole store is searched for due deliveries this instance
 *     did not store itself (another instance's, a crashed sender's, those from before a restart);
 *     what it stored or rescheduled it looks up by id
 * @param dispatchConcurrency how many single deliveries of a round are sent at once (digests go one
 *     person at a time)
 * @param maxAttempts attempts before a delivery is given up (SMTP or webhook down for long)
 * @param retryFirst the first wait before a retry; it doubles each time, with jitter
 * @param retryMax the longest wait between retries
 * @param webhookTimeout how long an employer's endpoint has to answer
 * @param webhookPauseAfter failures in a row after which an endpoint is paused
 * @param allowHttpWebhooks accept plain-http webhook URLs (local mode and tests only)
 * @param allowPrivateWebhookAddresses let webhooks reach this machine or a private network (local
 *     mode and tests whose receiver listens on 127.0.0.1 only); off, such addresses are refused at
 *     registration and at every delivery
 * @param webhookSecretKey the key employers' webhook signing secrets are sealed with at rest, at
 *     least 32 bytes; the service does not start without it
 */
@ConfigurationProperties("skillway.notification")
public record NotificationProperties(
    @DefaultValue("skillway-notification") String groupId,
    @DefaultValue("PT30S") Duration retryFor,
    @DefaultValue("http://localhost:8082") String publicUrl,
    @DefaultValue("Skillway <matches@skillway.invalid>") String mailFrom,
    @DefaultValue("PT1S") Duration dispatchEvery,
    @DefaultValue("100") int dispatchBatch,
    @DefaultValue("PT30S") Duration dispatchSearchEvery,
    @DefaultValue("8") int dispatchConcurrency,
    @DefaultValue("12") int maxAttempts,
    @DefaultValue("PT2S") Duration retryFirst,
    @DefaultValue("PT30M") Duration retryMax,
    @DefaultValue("PT10S") Duration webhookTimeout,
    @DefaultValue("5") int webhookPauseAfter,
    @DefaultValue("false") boolean allowHttpWebhooks,
    @DefaultValue("false") boolean allowPrivateWebhookAddresses,
    String webhookSecretKey) {

  public Backoff backoff() {
    return new Backoff(retryFirst, retryMax);
  }

  /** The sealing key's bytes; refuses an absent or short key, naming the setting. */
  public byte[] webhookSecretKeyBytes() {
    return SkillwayProperties.required(
        webhookSecretKey,
        "skillway.notification.webhook-secret-key (env SKILLWAY_WEBHOOK_SECRET_KEY)");
  }

  /** Redacted, so the key never reaches a log or the actuator's view of the settings. */
  @Override
  public String toString() {
    return "NotificationProperties[groupId=" + groupId + ", publicUrl=" + publicUrl + ", ...]";
  }
}
