package org.skillway.events;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/**
 * What every event carries besides its payload.
 *
 * @param eventId unique per event; consumers use it (or the aggregate version) to ignore replays
 * @param occurredAt when the change happened at its source
 * @param aggregateId the id of the profile, vacancy or match the event is about
 * @param aggregateVersion increases by one with each change of the aggregate; a consumer ignores an
 *     event whose version it has already applied
 */
public record EventMetadata(
    UUID eventId, Instant occurredAt, String aggregateId, long aggregateVersion) {
  public EventMetadata {
    Objects.requireNonNull(eventId, "eventId");
    Objects.requireNonNull(occurredAt, "occurredAt");
    Contracts.requireText(aggregateId, "aggregateId", 128);
    if (aggregateVersion < 1) {
      throw new IllegalArgumentException("aggregateVersion must be 1 or more");
    }
  }

  public static EventMetadata next(String aggregateId, long aggregateVersion, Instant now) {
    return new EventMetadata(UUID.randomUUID(), now, aggregateId, aggregateVersion);
  }
}
