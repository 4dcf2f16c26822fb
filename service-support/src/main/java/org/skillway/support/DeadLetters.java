package org.skillway.support;

import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.stream.Collectors;
import org.apache.kafka.common.TopicPartition;
import org.skillway.events.InvalidEventException;
import org.skillway.events.Topic;
import org.springframework.kafka.core.KafkaTemplate;
import org.springframework.kafka.listener.DeadLetterPublishingRecoverer;
import org.springframework.kafka.listener.DefaultErrorHandler;
import org.springframework.util.backoff.ExponentialBackOff;

/**
 * Error handling for a service's listeners. An event that can never be processed ({@link
 * InvalidEventException}) goes straight to the service's dead-letter topic, with the reason in the
 * {@code kafka_dlt-exception-*} headers; anything else is retried with a bounded exponential
 * back-off first. Either way the partition moves on and the event is kept.
 */
public final class DeadLetters {
  private DeadLetters() {}

  public static DefaultErrorHandler errorHandler(
      KafkaTemplate<String, byte[]> template, Topic.Writer consumer, Duration maxRetryTime) {
    Map<String, String> deadLetterTopics =
        Arrays.stream(Topic.values())
            .filter(t -> t.writer() == consumer && t.deadLetterSource().isPresent())
            .collect(
                Collectors.toMap(
                    t -> t.deadLetterSource().orElseThrow().topicName(), Topic::topicName));
    DeadLetterPublishingRecoverer recoverer =
        new DeadLetterPublishingRecoverer(
            template,
            (record, exception) -> {
              String target = deadLetterTopics.get(record.topic());
              if (target == null) {
                throw new IllegalStateException("no dead-letter topic for " + record.topic());
              }
              return new TopicPartition(target, record.partition());
            });
    ExponentialBackOff backOff = new ExponentialBackOff(200, 2.0);
    backOff.setMaxInterval(5_000);
    backOff.setMaxElapsedTime(maxRetryTime.toMillis());
    DefaultErrorHandler handler = new DefaultErrorHandler(recoverer, backOff);
    handler.addNotRetryableExceptions(InvalidEventException.class);
    return handler;
  }
}
