package org.skillway.events;

/**
 * Kafka record header names every producer sets, so consumers and operators can route without
 * parsing.
 */
public final class EventHeaders {
  public static final String EVENT_ID = "eventId";
  public static final String EVENT_TYPE = "eventType";
  public static final String SCHEMA_VERSION = "schemaVersion";

  private EventHeaders() {}
}
