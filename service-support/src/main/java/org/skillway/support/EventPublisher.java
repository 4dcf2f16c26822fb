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
    ProducerRecord<String, byte[]> record;
    try {
      record = record(event);
    } catch (IllegalStateException notOurs) {
      return Mono.error(notOurs);
    }
    // send() can block while it fetches metadata (up to max.block.ms), so never call it on a Netty
    // thread.
    return Mono.defer(() -> Mono.fromFuture(template.send(record)))
        .subscribeOn(Schedulers.boundedElastic())
        .then();
  }

  /**
   * Publishes a batch: every record is handed to the producer at once (it batches them on the
   * wire), and the result completes when the broker has acknowledged them all, or fails if any
   * failed. Blocking: call it from a worker thread.
   */
  public void publishAll(java.util.List<? extends SkillwayEvent> events) {
    java.util.concurrent.CompletableFuture<?>[] sent =
        events.stream()
            .map(this::record)
            .map(template::send)
            .toArray(java.util.concurrent.CompletableFuture[]::new);
    try {
      java.util.concurrent.CompletableFuture.allOf(sent).join();
    } catch (java.util.concurrent.CompletionException failed) {
      throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
    }
  }

  /**
   * Publishes a batch without blocking: every record is handed to the producer at once (on a worker
   * thread, as {@code send} may block fetching metadata), and the result completes when the broker
   * has acknowledged them all, or fails if any failed.
   */
  public Mono<Void> publishTogether(java.util.List<? extends SkillwayEvent> events) {
    if (events.isEmpty()) {
      return Mono.empty();
    }
    return Mono.defer(
            () -> {
              java.util.List<ProducerRecord<String, byte[]>> records;
              try {
                records = events.stream().map(this::record).toList();
              } catch (IllegalStateException notOurs) {
                return Mono.error(notOurs);
              }
              return Mono.fromFuture(
                  java.util.concurrent.CompletableFuture.allOf(
                      records.stream()
                          .map(template::send)
                          .toArray(java.util.concurrent.CompletableFuture[]::new)));
            })
        .subscribeOn(Schedulers.boundedElastic())
        .then();
  }

  /**
   * Writes a tombstone (a null value) under {@code key} on a compacted topic this service owns, so
   * that compaction removes every earlier event of that key from the log; completes once the broker
   * has it.
   */
  public Mono<Void> publishTombstone(Topic topic, String key) {
    if (topic.writer() != writer || !topic.compacted()) {
      return Mono.error(
          new IllegalStateException(writer + " may not write a tombstone to " + topic.topicName()));
    }
    ProducerRecord<String, byte[]> record = new ProducerRecord<>(topic.topicName(), key, null);
    return Mono.defer(() -> Mono.fromFuture(template.send(record)))
        .subscribeOn(Schedulers.boundedElastic())
        .then();
  }

  private ProducerRecord<String, byte[]> record(SkillwayEvent event) {
    Topic topic = event.type().topic();
    if (topic.writer() != writer) {
      throw new IllegalStateException(writer + " may not write to " + topic.topicName());
    }
    ProducerRecord<String, byte[]> record =
        new ProducerRecord<>(topic.topicName(), event.key(), codec.encode(event));
    record.headers().add(EventHeaders.EVENT_ID, utf8(event.metadata().eventId().toString()));
    record.headers().add(EventHeaders.EVENT_TYPE, utf8(event.type().wireName()));
    record
        .headers()
        .add(EventHeaders.SCHEMA_VERSION, utf8(String.valueOf(event.type().schemaVersion())));
    return record;
  }

  private static byte[] utf8(String value) {
    return value.getBytes(StandardCharsets.UTF_8);
  }
}
