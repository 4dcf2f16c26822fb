package org.skillway.support;

import java.nio.charset.StandardCharsets;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.skillway.events.EventCodec;
import org.skillway.events.EventHeaders;
import org.skillway.events.SkillwayEvent;
import org.skillway.events.Topic;
import org.springframework.kafka.core.KafkaTemplate;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Publishes events to their topic and completes only when the broker has acknowledged them (the
 * producer runs with {@code acks=all} and idempotence). A service may publish only to the topics it
 * owns.
 */
public class EventPublisher {
  private final KafkaTemplate<String, byte[]> template;
  private final EventCodec codec;
  private final Topic.Writer writer;

  public EventPublisher(
      KafkaTemplate<String, byte[]> template, EventCodec codec, Topic.Writer writer) {
    this.template = template;
    this.codec = codec;
    this.writer = writer;
  }

  public Mono<Void> publish(SkillwayEvent event) {
    Topic topic = event.type().topic();
    if (topic.writer() != writer) {
      return Mono.error(
          new IllegalStateException(writer + " may not write to " + topic.topicName()));
    }
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic.topicName(), event.key(), codec.encode(event));
    record.headers().add(EventHeaders.EVENT_ID, utf8(event.metadata().eventId().toString()));
    record.headers().add(EventHeaders.EVENT_TYPE, utf8(event.type().wireName()));
    record
        .headers()
        .add(EventHeaders.SCHEMA_VERSION, utf8(String.valueOf(event.type().schemaVersion())));
    // send() can block while it fetches metadata (up to max.block.ms), so never call it on a Netty
    // thread.
    return Mono.defer(() -> Mono.fromFuture(template.send(record)))
        .subscribeOn(Schedulers.boundedElastic())
        .then();
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
