package org.skillway.matching.system;

import java.time.Duration;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param instanceId unique per running instance (the pod name in Kubernetes); names this instance's
 *     vacancy consumer group, since every instance must read every vacancy
 * @param minimumScore the lowest skill-overlap score (1-100) that counts as a match
 * @param retryFor how long a failing event is retried before it goes to the dead-letter topic
 */
@ConfigurationProperties("skillway.matching")
public record MatchingProperties(
    @DefaultValue("local") String instanceId,
    @DefaultValue("50") int minimumScore,
    @DefaultValue("PT30S") Duration retryFor) {}
