package org.skillway.support;

import java.time.Clock;
import org.skillway.events.EventCodec;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;

/** Imported by each service's application class: the beans all three share. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SkillwayProperties.class)
@Import(ApiErrorHandler.class)
public class SkillwayServiceConfiguration {

  @Bean
  @ConditionalOnMissingBean
  Clock clock() {
    return Clock.systemUTC();
  }

  @Bean
  EventCodec eventCodec() {
    return new EventCodec();
  }

  @Bean
  KafkaAdmin.NewTopics skillwayTopics(SkillwayProperties properties) {
    return KafkaTopicDeclarations.all(properties.kafka());
  }

  /**
   * Registered as the {@code mongo} health component, in place of Boot's {@code hello}-based one.
   */
  @Bean("mongo")
  MongoPingHealthIndicator mongoHealthIndicator(ReactiveMongoTemplate mongo) {
    return new MongoPingHealthIndicator(mongo);
  }

  @Bean
  IdentityTokens identityTokens(SkillwayProperties properties, Clock clock) {
    return new IdentityTokens(properties.security(), clock);
  }

  @Bean
  ReactiveJwtDecoder jwtDecoder(IdentityTokens tokens) {
    return tokens.decoder();
  }
}
