package org.skillway.ingest.system;

import java.time.Duration;
import org.skillway.events.EventCodec;
import org.skillway.events.Topic;
import org.skillway.ingest.skill.Outcodes;
import org.skillway.ingest.skill.SkillCatalogue;
import org.skillway.support.DeadLetters;
import org.skillway.support.EventPublisher;
import org.skillway.support.SecretsCheck;
import org.skillway.support.SkillwayProperties;
import org.skillway.taxonomy.Taxonomy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DefaultErrorHandler;
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

  /**
   * Revocations that cannot be read go to ingest's own dead-letter topic, like any poison event.
   */
  @Bean
  DefaultErrorHandler kafkaErrorHandler(KafkaTemplate<String, byte[]> template) {
    return DeadLetters.errorHandler(template, Topic.Writer.INGEST, Duration.ofSeconds(30));
  }

  /**
   * Outside local mode the bootstrap operator key must be set, and not a placeholder (local mode
   * has its demo operator key instead).
   */
  @Bean
  SecretsCheck.Checked operatorKeyChecked(SecretsCheck secrets, IngestProperties properties) {
    return secrets.localMode()
        ? new SecretsCheck.Checked("skillway.ingest.operator-key")
        : secrets.require("skillway.ingest.operator-key", properties.operatorKey());
  }

  @Bean
  SecretsCheck.Checked invitationKeyChecked(SecretsCheck secrets, SkillwayProperties platform) {
    return secrets.require("skillway.security.invitation-key", platform.security().invitationKey());
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
