package org.skillway.events;

/** Any event on a Skillway topic. The wire form is produced and read by {@link EventCodec}. */
public sealed interface SkillwayEvent permits ProfileEvent, VacancyEvent, MatchEvent, AccountEvent {
  EventMetadata metadata();

  EventType type();

  Object payload();

  /** The Kafka record key: events about one key stay in order on one partition. */
  String key();
}
