package org.skillway.support;

import io.micrometer.observation.Observation;
import io.micrometer.observation.ObservationRegistry;
import java.util.ArrayList;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.springframework.kafka.listener.BatchListenerFailedException;
import org.springframework.kafka.support.micrometer.KafkaListenerObservation;
import org.springframework.kafka.support.micrometer.KafkaRecordReceiverContext;

/**
 * The listener observation ({@code spring_kafka_listener_seconds}, per topic and event type) for a
 * batch listener, which Spring Kafka observes only for listeners of one record at a time: each
 * record of the batch is observed from when the batch is handed over until the batch is done, so
 * the dashboards go on counting events in per type, and the time is how long each waited on the
 * work that covered it.
 */
public final class BatchObservation implements AutoCloseable {
  private final List<Observation> observations;
  private final List<ConsumerRecord<?, ?>> records;

  private BatchObservation(List<Observation> observations, List<ConsumerRecord<?, ?>> records) {
    this.observations = observations;
    this.records = records;
  }

  /**
   * Handles a batch under one observation per record; the record a {@link
   * BatchListenerFailedException} names is observed as failed, with the exception's cause.
   */
  public static <R extends ConsumerRecord<?, ?>> void observe(
      ObservationRegistry registry,
      List<R> records,
      String listenerId,
      String groupId,
      java.util.function.Consumer<List<R>> handler) {
    try (BatchObservation observed = start(registry, records, listenerId, groupId)) {
      try {
        handler.accept(records);
      } catch (BatchListenerFailedException failed) {
        observed.failed(failed.getRecord(), failed.getCause() != null ? failed.getCause() : failed);
        throw failed;
      }
    }
  }

  /** Starts one observation per record, as the container would for a record listener. */
  public static BatchObservation start(
      ObservationRegistry registry,
      List<? extends ConsumerRecord<?, ?>> records,
      String listenerId,
      String groupId) {
    List<Observation> started = new ArrayList<>(records.size());
    for (ConsumerRecord<?, ?> record : records) {
      started.add(
          KafkaListenerObservation.LISTENER_OBSERVATION
              .observation(
                  null,
                  KafkaListenerObservation.DefaultKafkaListenerObservationConvention.INSTANCE,
                  () ->
                      new KafkaRecordReceiverContext(record, listenerId, null, groupId, () -> null),
                  registry)
              .start());
    }
    return new BatchObservation(started, List.copyOf(records));
  }

  /** Marks the record that failed the batch: its observation says why. */
  public void failed(ConsumerRecord<?, ?> record, Throwable failure) {
    int at = records.indexOf(record);
    if (at >= 0) {
      observations.get(at).error(failure);
    }
  }

  @Override
  public void close() {
    observations.forEach(Observation::stop);
  }
}
