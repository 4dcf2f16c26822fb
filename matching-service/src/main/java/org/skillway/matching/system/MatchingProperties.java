package org.skillway.matching.system;

import java.time.Duration;
import java.util.Map;
import org.skillway.events.Pathway;
import org.skillway.matching.match.ScoringPolicy;
import org.skillway.matching.match.Weights;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param groupId the consumer group in which instances share the profile partitions
 * @param instanceId unique per running instance (the pod name in Kubernetes); names this instance's
 *     vacancy consumer group, since every instance must read every vacancy
 * @param minimumScore the lowest score (1-100) that counts as a match
 * @param topK how many best matches each profile and each vacancy keeps
 * @param materialChange how many points a score must move for a match event to be sent again
 * @param defaultCommuteKm the reach assumed when a person has not said how far they will travel
 * @param weights the points each part of a score can earn, per pathway
 * @param retryFor how long a failing event is retried before it goes to the dead-letter topic
 */
@ConfigurationProperties("skillway.matching")
public record MatchingProperties(
    @DefaultValue("skillway-matching") String groupId,
    @DefaultValue("local") String instanceId,
    @DefaultValue("50") int minimumScore,
    @DefaultValue("20") int topK,
    @DefaultValue("5") int materialChange,
    @DefaultValue("30") int defaultCommuteKm,
    Map<Pathway, Weights> weights,
    @DefaultValue("PT30S") Duration retryFor) {

  /** The scoring rules these settings describe. */
  public ScoringPolicy scoringPolicy() {
    return new ScoringPolicy(weights, defaultCommuteKm, minimumScore, materialChange);
  }
}
