package org.skillway.notification.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param retryFor how long a failing event is retried before it goes to the dead-letter topic
 */
@ConfigurationProperties("skillway.notification")
public record NotificationProperties(@DefaultValue("PT30S") Duration retryFor) {}
