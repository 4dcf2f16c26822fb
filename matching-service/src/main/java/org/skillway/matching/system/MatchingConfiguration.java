package org.skillway.matching.system;

import java.util.OptionalDouble;
import java.util.Set;
import org.skillway.events.EventCodec;
import org.skillway.events.Topic;
import org.skillway.matching.match.Distances;
import org.skillway.matching.match.MatchIndex;
import org.skillway.matching.match.MatchingSettings;
import org.skillway.matching.match.Scorer;
import org.skillway.matching.match.ScoringPolicy;
import org.skillway.matching.match.SkillGraph;
import org.skillway.support.DeadLetters;
import org.skillway.support.EventPublisher;
import org.skillway.taxonomy.Taxonomy;
import org.skillway.taxonomy.geo.Outcodes;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchingProperties.class)
class MatchingConfiguration {
  @Bean
  EventPublisher eventPublisher(KafkaTemplate<String, byte[]> template, EventCodec codec) {
    return new EventPublisher(template, codec, Topic.Writer.MATCHING);
  }

  @Bean
  Taxonomy taxonomy() {
    return Taxonomy.loadBundled();
  }

  @Bean
  Outcodes outcodes() {
    return Outcodes.loadBundled();
  }

  /**
   * The ESCO taxonomy as the scoring rules see it. Ids it does not know simply have no neighbours.
   */
  @Bean
  SkillGraph skillGraph(Taxonomy taxonomy) {
    return new SkillGraph() {
      @Override
      public Set<String> broader(String skillId) {
        return taxonomy.broader(skillId);
      }

      @Override
      public Set<String> narrower(String skillId) {
        return taxonomy.narrower(skillId);
      }

      @Override
      public Set<String> related(String skillId) {
        return taxonomy.related(skillId);
      }

      @Override
      public String version() {
        return taxonomy.version();
      }
    };
  }

  @Bean
  Distances distances(Outcodes outcodes) {
    return (from, to) -> {
      var a = outcodes.find(from);
      var b = outcodes.find(to);
      return a.isPresent() && b.isPresent()
          ? OptionalDouble.of(a.get().kilometresTo(b.get()))
          : OptionalDouble.empty();
    };
  }

  @Bean
  Scorer scorer(MatchingProperties properties, Distances distances) {
    return new Scorer(
        new ScoringPolicy(
            properties.weights(),
            properties.defaultCommuteKm(),
            properties.minimumScore(),
            properties.materialChange()),
        distances);
  }

  @Bean
  MatchIndex matchIndex(Scorer scorer, SkillGraph graph) {
    return new MatchIndex(scorer, graph);
  }

  @Bean
  MatchingSettings matchingSettings(MatchingProperties properties) {
    return new MatchingSettings(properties.topK(), properties.materialChange());
  }

  @Bean
  CommonErrorHandler deadLetters(
      KafkaTemplate<String, byte[]> template, MatchingProperties properties) {
    return DeadLetters.errorHandler(template, Topic.Writer.MATCHING, properties.retryFor());
  }
}
