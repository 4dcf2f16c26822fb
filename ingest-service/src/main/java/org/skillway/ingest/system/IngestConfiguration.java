package org.skillway.ingest.system;

import org.skillway.events.EventCodec;
import org.skillway.events.Topic;
import org.skillway.ingest.skill.Outcodes;
import org.skillway.ingest.skill.SkillCatalogue;
import org.skillway.support.EventPublisher;
import org.skillway.taxonomy.Taxonomy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.scheduling.annotation.EnableScheduling;
import org.springframework.security.crypto.factory.PasswordEncoderFactories;
import org.springframework.security.crypto.password.PasswordEncoder;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
@EnableScheduling
class IngestConfiguration {
  /**
   * Spring Security's delegating encoder: bcrypt today, and old hashes keep working if that
   * changes.
   */
  @Bean
  PasswordEncoder passwordEncoder() {
    return PasswordEncoderFactories.createDelegatingPasswordEncoder();
  }

  @Bean
  RateLimits rateLimits(IngestProperties properties) {
    return new RateLimits(properties.rateLimit());
  }

  @Bean
  EventPublisher eventPublisher(KafkaTemplate<String, byte[]> template, EventCodec codec) {
    return new EventPublisher(template, codec, Topic.Writer.INGEST);
  }

  @Bean
  SkillCatalogue skillCatalogue() {
    return new SkillCatalogue(Taxonomy.loadBundled());
  }

  @Bean
  Outcodes outcodes() {
    return new Outcodes(org.skillway.taxonomy.geo.Outcodes.loadBundled());
  }
}
