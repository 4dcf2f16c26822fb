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

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(IngestProperties.class)
class IngestConfiguration {
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
