package org.skillway.notification.system;

import java.time.Duration;
import org.skillway.notification.delivery.Backoff;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param groupId the consumer group of the match listener
 * @param retryFor how long a failing event is retried before it goes to the dead-letter topic
 * @param publicUrl where people reach this service, for the unsubscribe links in e-mails
 * @param mailFrom the sender of the e-mails
 * @param dispatchEvery how often due deliveries are sent
 * @param dispatchBatch at most this many deliveries per round
 * @param maxAttempts attempts before a delivery is given up (SMTP or webhook down for long)
 * @param retryFirst the first wait before a retry; it doubles each time, with jitter
 * @param retryMax the longest wait between retries
 * @param webhookTimeout how long an employer's endpoint has to answer
 * @param webhookPauseAfter failures in a row after which an endpoint is paused
 * @param allowHttpWebhooks accept plain-http webhook URLs (local mode and tests only)
 */
@ConfigurationProperties("skillway.notification")
public record NotificationProperties(
    @DefaultValue("skillway-notification") String groupId,
    @DefaultValue("PT30S") Duration retryFor,
    @DefaultValue("http://localhost:8082") String publicUrl,
    @DefaultValue("Skillway <matches@skillway.invalid>") String mailFrom,
    @DefaultValue("PT1S") Duration dispatchEvery,
    @DefaultValue("100") int dispatchBatch,
    @DefaultValue("12") int maxAttempts,
    @DefaultValue("PT2S") Duration retryFirst,
    @DefaultValue("PT30M") Duration retryMax,
    @DefaultValue("PT10S") Duration webhookTimeout,
    @DefaultValue("5") int webhookPauseAfter,
    @DefaultValue("false") boolean allowHttpWebhooks) {

  public Backoff backoff() {
    return new Backoff(retryFirst, retryMax);
  }
}
