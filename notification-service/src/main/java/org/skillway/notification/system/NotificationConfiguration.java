package org.skillway.notification.system;

import com.fasterxml.jackson.annotation.JsonInclude;
import org.skillway.events.Topic;
import org.skillway.notification.delivery.DeliveryPlanner;
import org.skillway.notification.email.EmailText;
import org.skillway.notification.notify.SkillNames;
import org.skillway.notification.webhook.WebhookAddressPolicy;
import org.skillway.notification.webhook.WebhookAddressResolverGroup;
import org.skillway.support.DeadLetters;
import org.skillway.support.SecretsCheck;
import org.skillway.taxonomy.Occupation;
import org.skillway.taxonomy.Skill;
import org.skillway.taxonomy.Taxonomy;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.CommonErrorHandler;
import org.springframework.scheduling.annotation.EnableScheduling;
import reactor.core.scheduler.Schedulers;
import tools.jackson.databind.json.JsonMapper;

@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(NotificationProperties.class)
@EnableScheduling
class NotificationConfiguration {
  private static final String STREAM_PROVIDER = "jakarta.mail.util.StreamProvider";

  static {
    // jakarta.mail finds its StreamProvider with a ServiceLoader, scanning every jar on the class
    // path, for each part of each message it builds or reads: 7% of the CPU of a cohort's burst of
    // invitation e-mails. Named here, it is one class look-up. Angus Mail is the provider we ship.
    if (System.getProperty(STREAM_PROVIDER) == null) {
      System.setProperty(STREAM_PROVIDER, "org.eclipse.angus.mail.util.MailStreamProvider");
    }
  }

  @Bean
  CommonErrorHandler deadLetters(
      KafkaTemplate<String, byte[]> template, NotificationProperties properties) {
    return DeadLetters.errorHandler(template, Topic.Writer.NOTIFICATION, properties.retryFor());
  }

  /**
   * The webhook-secret key must be set, long enough, and (outside local mode) not a placeholder.
   */
  @Bean
  SecretsCheck.Checked webhookSecretKeyChecked(
      SecretsCheck secrets, NotificationProperties properties) {
    return secrets.require(
        "skillway.notification.webhook-secret-key", properties.webhookSecretKey());
  }

  /** Skill and occupation names for e-mails; ids it does not know are shown as they are. */
  @Bean
  Taxonomy taxonomy() {
    return Taxonomy.loadBundled();
  }

  @Bean
  SkillNames skillNames(Taxonomy taxonomy) {
    return id ->
        taxonomy
            .byId(id)
            .map(Skill::preferredLabel)
            .or(() -> taxonomy.occupation(id).map(Occupation::preferredLabel))
            .orElse(id);
  }

  @Bean
  DeliveryPlanner deliveryPlanner(SkillNames skillNames) {
    JsonMapper json =
        JsonMapper.builder()
            .changeDefaultPropertyInclusion(
                inclusion -> inclusion.withValueInclusion(JsonInclude.Include.NON_NULL))
            .build();
    return new DeliveryPlanner(new EmailText(skillNames), json::writeValueAsString);
  }

  @Bean
  WebhookAddressPolicy webhookAddressPolicy(NotificationProperties properties) {
    return WebhookAddressPolicy.withSystemResolver(
        properties.allowHttpWebhooks(), properties.allowPrivateWebhookAddresses());
  }

  /** Webhook name lookups block, so they run on the bounded-elastic pool, off the event loops. */
  @Bean
  WebhookAddressResolverGroup webhookAddressResolverGroup(WebhookAddressPolicy policy) {
    return new WebhookAddressResolverGroup(
        policy,
        java.net.InetAddress::getAllByName,
        task -> Schedulers.boundedElastic().schedule(task));
  }
}
