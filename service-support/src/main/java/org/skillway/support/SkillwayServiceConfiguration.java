package org.skillway.support;

import com.mongodb.MongoClientSettings;
import com.mongodb.reactivestreams.client.MongoClient;
import java.time.Clock;
import java.util.List;
import org.skillway.events.EventCodec;
import org.springframework.beans.factory.ObjectProvider;
import org.springframework.boot.autoconfigure.condition.ConditionalOnMissingBean;
import org.springframework.boot.context.properties.EnableConfigurationProperties;
import org.springframework.boot.mongodb.autoconfigure.MongoClientSettingsBuilderCustomizer;
import org.springframework.boot.mongodb.autoconfigure.ReactiveMongoClientFactory;
import org.springframework.context.annotation.Bean;
import org.springframework.context.annotation.Configuration;
import org.springframework.context.annotation.Import;
import org.springframework.core.env.Environment;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.kafka.core.KafkaAdmin;
import org.springframework.security.oauth2.jwt.BadJwtException;
import org.springframework.security.oauth2.jwt.ReactiveJwtDecoder;
import org.springframework.security.web.server.firewall.ServerExchangeRejectedHandler;
import reactor.core.publisher.Mono;

/** Imported by each service's application class: the beans all three share. */
@Configuration(proxyBeanMethods = false)
@EnableConfigurationProperties(SkillwayProperties.class)
@Import(ApiErrorHandler.class)
public class SkillwayServiceConfiguration {

  /** Events in and out per topic and type, on the Kafka template's and listeners' metrics. */
  @Bean
  EventTypeTag eventTypeTag() {
    return new EventTypeTag();
  }

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
   * No listener container records Spring Kafka's older listener timer. Record listeners are
   * observed (Boot's {@code observation-enabled}); for batch listeners, which Spring Kafka does not
   * observe, that older timer would register {@code spring.kafka.listener} with other tag keys, and
   * Prometheus would then refuse every observed listener's timings under that name. Batch listeners
   * are observed per record by {@link BatchObservation} instead.
   */
  @Bean
  org.springframework.kafka.config.ContainerCustomizer<
          Object,
          Object,
          org.springframework.kafka.listener.ConcurrentMessageListenerContainer<Object, Object>>
      observedListenersOnly() {
    return container -> container.getContainerProperties().setMicrometerEnabled(false);
  }

  /**
   * The MongoDB client on the driver's own transport. Spring Boot gives a reactive application the
   * driver's Netty transport whenever Netty is on the class path (WebFlux puts it there); that
   * transport encodes every string byte by byte into a reference-counted Netty buffer, checked at
   * each byte, which was the largest single cost of a cohort burst outside the database itself (9%
   * of all CPU). The driver's default transport writes into pooled NIO buffers. Every other
   * customizer (connection string, pool, timeouts) applies as before.
   */
  @Bean
  MongoClient reactiveStreamsMongoClient(
      ObjectProvider<MongoClientSettingsBuilderCustomizer> customizers,
      MongoClientSettings settings) {
    List<MongoClientSettingsBuilderCustomizer> kept =
        customizers
            .orderedStream()
            .filter(c -> !c.getClass().getSimpleName().startsWith("NettyDriver"))
            .toList();
    return new ReactiveMongoClientFactory(kept).createMongoClient(settings);
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
  AccessRevocations accessRevocations(Clock clock) {
    return new AccessRevocations(clock);
  }

  @Bean
  AccessRevocationListener accessRevocationListener(
      EventCodec codec, AccessRevocations revocations) {
    return new AccessRevocationListener(codec, revocations);
  }

  /**
   * Verifies signature, expiry and issuer, then refuses a token that was signed out or whose
   * account was deleted, in every service alike.
   */
  @Bean
  ReactiveJwtDecoder jwtDecoder(IdentityTokens tokens, AccessRevocations revocations) {
    ReactiveJwtDecoder verified = tokens.decoder();
    return token ->
        verified
            .decode(token)
            .flatMap(
                jwt ->
                    revocations.isRevoked(jwt.getSubject(), jwt.getId(), jwt.getIssuedAt())
                        ? Mono.error(
                            new BadJwtException(
                                "This token was signed out, or its account was deleted"))
                        : Mono.just(jwt));
  }

  /** Requests the firewall refuses (odd paths such as {@code %00} or {@code ..;}) get a problem. */
  @Bean
  ServerExchangeRejectedHandler problemForRejectedRequests() {
    return (exchange, rejected) -> {
      // A refused request's connection is not kept: reused after a refusal that followed another
      // error, Netty sometimes never answered the next request on it.
      exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
      return ProblemResponses.write(
          exchange,
          HttpStatus.BAD_REQUEST,
          "Bad request",
          "The address of this request is not allowed (it holds characters or path segments"
              + " such as %00, ../ or ..; that no Skillway address has).");
    };
  }

  @Bean
  RequestEdge requestEdge() {
    return new RequestEdge();
  }

  @Bean
  ProblemExceptionHandler problemExceptionHandler() {
    return new ProblemExceptionHandler();
  }

  @Bean
  AuditTrail auditTrail(ReactiveMongoTemplate mongo, Clock clock, Environment environment) {
    return new AuditTrail(mongo, clock, environment.getProperty("spring.application.name"));
  }

  @Bean
  SecretsCheck secretsCheck(Environment environment) {
    return new SecretsCheck(environment);
  }

  @Bean
  SecretsCheck.Checked jwtSecretChecked(SecretsCheck secrets, SkillwayProperties properties) {
    return secrets.require("skillway.security.jwt-secret", properties.security().jwtSecret());
  }
}
