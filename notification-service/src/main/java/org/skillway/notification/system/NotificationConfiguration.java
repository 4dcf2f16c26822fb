package org.skillway.notification.system;

import org.skillway.events.Topic;
import org.skillway.support.DeadLetters;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
class NotificationConfiguration {
  @Bean
  CommonErrorHandler deadLetters(
      KafkaTemplate<String, byte[]> template, NotificationProperties properties) {
    return DeadLetters.errorHandler(template, Topic.Writer.NOTIFICATION, properties.retryFor());
  }
}
