package org.skillway.infra;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.function.Predicate;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.clients.consumer.KafkaConsumer;
import org.apache.kafka.common.PartitionInfo;
import org.apache.kafka.common.TopicPartition;
import org.apache.kafka.common.serialization.ByteArrayDeserializer;
import org.apache.kafka.common.serialization.StringDeserializer;

/**
 * Reads a topic from its beginning, as an outside observer (no consumer group), so tests can assert
 * on exactly what a service published. Not thread-safe.
 */
public final class TopicReader implements AutoCloseable {
  private final KafkaConsumer<String, byte[]> consumer;
  private final List<ConsumerRecord<String, byte[]>> seen = new ArrayList<>();
  private final String topic;

  public TopicReader(String bootstrapServers, String topic) {
    consumer =
        new KafkaConsumer<>(
            Map.of(
                "bootstrap.servers",
                bootstrapServers,
                "client.id",
                "test-reader-" + UUID.randomUUID(),
                "enable.auto.commit",
                "false"),
            new StringDeserializer(),
            new ByteArrayDeserializer());
    this.topic = topic;
  }

  /** Assigns every partition once the topic exists: services create their topics as they start. */
  private void assignWhenTopicExists() {
    if (!consumer.assignment().isEmpty()) {
      return;
    }
    List<PartitionInfo> partitions = consumer.partitionsFor(topic, Duration.ofSeconds(10));
    if (partitions == null || partitions.isEmpty()) {
      return;
    }
    List<TopicPartition> assignment =
        partitions.stream().map(p -> new TopicPartition(topic, p.partition())).toList();
    consumer.assign(assignment);
    consumer.seekToBeginning(assignment);
  }

  private void pollOnce(Duration wait) {
    assignWhenTopicExists();
    if (consumer.assignment().isEmpty()) {
      sleep(wait);
      return;
    }
    consumer.poll(wait).forEach(seen::add);
  }

  private static void sleep(Duration wait) {
    try {
      Thread.sleep(wait.toMillis());
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /** Every record read so far plus whatever arrives within {@code wait}. */
  public List<ConsumerRecord<String, byte[]>> poll(Duration wait) {
    long deadline = System.nanoTime() + wait.toNanos();
    do {
      pollOnce(Duration.ofMillis(100));
    } while (System.nanoTime() < deadline);
    return List.copyOf(seen);
  }

  /** Waits until a record matching {@code condition} arrives, then returns it. */
  public ConsumerRecord<String, byte[]> await(
      Predicate<ConsumerRecord<String, byte[]>> condition, Duration timeout) {
    long deadline = System.nanoTime() + timeout.toNanos();
    while (System.nanoTime() < deadline) {
      for (ConsumerRecord<String, byte[]> record : seen) {
        if (condition.test(record)) {
          return record;
        }
      }
      pollOnce(Duration.ofMillis(200));
    }
    throw new AssertionError(
        "no matching record within " + timeout + "; saw " + seen.size() + " records");
  }

  /** Records with this key seen so far, after reading for {@code settle}. */
  public List<ConsumerRecord<String, byte[]>> withKey(String key, Duration settle) {
    return poll(settle).stream().filter(r -> key.equals(r.key())).toList();
  }

  @Override
  public void close() {
    consumer.close(Duration.ofSeconds(5));
  }
}
