package org.skillway.matching.system;

import org.skillway.events.EventCodec;
import org.skillway.events.Topic;
import org.skillway.matching.match.MatchRules;
import org.skillway.support.DeadLetters;
import org.skillway.support.EventPublisher;
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
  MatchRules matchRules(MatchingProperties properties) {
    return new MatchRules(properties.minimumScore());
  }

  @Bean
  CommonErrorHandler deadLetters(
      KafkaTemplate<String, byte[]> template, MatchingProperties properties) {
    return DeadLetters.errorHandler(template, Topic.Writer.MATCHING, properties.retryFor());
  }
}
