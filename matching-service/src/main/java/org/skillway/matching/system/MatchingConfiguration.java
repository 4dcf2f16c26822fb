package org.skillway.matching.system;

import org.skillway.events.EventCodec;
import org.skillway.events.Topic;
import org.skillway.matching.match.Distances;
import org.skillway.matching.match.MatchIndex;
import org.skillway.matching.match.MatchLedger;
import org.skillway.matching.match.MatchingSettings;
import org.skillway.matching.match.Scorer;
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
import org.springframework.scheduling.annotation.EnableScheduling;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(MatchingProperties.class)
@EnableScheduling
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

  @Bean
  SkillGraph skillGraph(Taxonomy taxonomy) {
    return new TaxonomySkillGraph(taxonomy);
  }

  @Bean
  Distances distances(Outcodes outcodes) {
    return new OutcodeDistances(outcodes);
  }

  @Bean
  Scorer scorer(MatchingProperties properties, Distances distances, Taxonomy taxonomy) {
    return new Scorer(
        properties.scoringPolicy(),
        distances,
        TaxonomySkillGraph.specificity(taxonomy),
        TaxonomySkillGraph.trades(taxonomy));
  }

  @Bean
  MatchIndex matchIndex(Scorer scorer, SkillGraph graph) {
    return new MatchIndex(scorer, graph);
  }

  @Bean
  MatchLedger matchLedger() {
    return new MatchLedger();
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
