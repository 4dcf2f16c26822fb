package org.skillway.support;

import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.skillway.events.EventCodec;
import org.skillway.events.InvalidEventException;
import org.skillway.events.SkillwayEvent;

/** Reads a consumed record as the one event type its topic may carry. */
public final class EventRecords {
  private EventRecords() {}

  /**
   * @throws InvalidEventException if the record is unreadable, of another type, or keyed
   *     differently from its event, so that the error handler dead-letters it at once instead of
   *     retrying
   */
  public static <T extends SkillwayEvent> T decode(
      EventCodec codec, ConsumerRecord<String, byte[]> record, Class<T> expected) {
    SkillwayEvent event = codec.decode(record.value());
    if (!expected.isInstance(event)) {
      throw new InvalidEventException(
          event.type().wireName() + " does not belong on " + record.topic());
    }
    if (!event.key().equals(record.key())) {
      throw new InvalidEventException(
          "record key '" + record.key() + "' differs from the event's key '" + event.key() + "'");
    }
    return expected.cast(event);
  }
}
