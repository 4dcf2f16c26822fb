package org.skillway.notification.webhook;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * Where an employer's own system hears about candidates, and from what score.
 *
 * @param sealedSecret the shared secret the requests are signed with, sealed ({@link
 *     WebhookSecrets}); shown to the employer once, in plain, when they register the URL
 * @param consecutiveFailures failed attempts in a row; reset by a success
 * @param paused stopped after too many failures in a row; registering again resumes it
 */
@Document("webhooks")
public record EmployerWebhook(
    @Id String employerId,
    String url,
    String sealedSecret,
    int threshold,
    int consecutiveFailures,
    boolean paused) {}
