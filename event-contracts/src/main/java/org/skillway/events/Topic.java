package org.skillway.events;

import java.time.Duration;
import java.util.Arrays;
import java.util.Optional;

/**
 * Every Kafka topic in the system, with the one service that writes it. Dead-letter topics are
 * named here explicitly (never left to a library's default suffix) and belong to the consumer that
 * parks events there; each needs at least as many partitions as its source, because the recoverer
 * keeps the partition number.
 */
public enum Topic {
  PROFILES("skillway.profiles.v1", Writer.INGEST, true, null),
  VACANCIES("skillway.vacancies.v1", Writer.INGEST, true, null),
  MATCHES("skillway.matches.v1", Writer.MATCHING, false, null),
  INVITATIONS("skillway.invitations.v1", Writer.INGEST, false, null),
  /** Signed-out and deleted accounts' tokens; read whole by every instance of every service. */
  ACCESS("skillway.access.v1", Writer.INGEST, false, null, Duration.ofDays(1)),
  PROFILES_DEAD_LETTERS("skillway.profiles.v1.matching-dlt", Writer.MATCHING, false, PROFILES),
  PROFILES_NOTIFICATION_DEAD_LETTERS(
      "skillway.profiles.v1.notification-dlt", Writer.NOTIFICATION, false, PROFILES),
  VACANCIES_DEAD_LETTERS("skillway.vacancies.v1.matching-dlt", Writer.MATCHING, false, VACANCIES),
  MATCHES_DEAD_LETTERS("skillway.matches.v1.notification-dlt", Writer.NOTIFICATION, false, MATCHES),
  INVITATIONS_DEAD_LETTERS(
      "skillway.invitations.v1.notification-dlt", Writer.NOTIFICATION, false, INVITATIONS),
  ACCESS_INGEST_DEAD_LETTERS("skillway.access.v1.ingest-dlt", Writer.INGEST, false, ACCESS),
  ACCESS_MATCHING_DEAD_LETTERS("skillway.access.v1.matching-dlt", Writer.MATCHING, false, ACCESS),
  ACCESS_NOTIFICATION_DEAD_LETTERS(
      "skillway.access.v1.notification-dlt", Writer.NOTIFICATION, false, ACCESS);

  /** The service allowed to produce to a topic. */
  public enum Writer {
    INGEST,
    MATCHING,
    NOTIFICATION
  }

  private final String topicName;
  private final Writer writer;
  private final boolean compacted;
  private final Topic deadLetterSource;
  private final Duration retention;

  Topic(String topicName, Writer writer, boolean compacted, Topic deadLetterSource) {
    this(topicName, writer, compacted, deadLetterSource, null);
  }

  Topic(
      String topicName,
      Writer writer,
      boolean compacted,
      Topic deadLetterSource,
      Duration retention) {
    this.topicName = topicName;
    this.writer = writer;
    this.compacted = compacted;
    this.deadLetterSource = deadLetterSource;
    this.retention = retention;
  }

  /**
   * How long the broker keeps records, where it must differ from the broker's default (7 days): a
   * revocation need only outlive the tokens it names.
   */
  public Optional<Duration> retention() {
    return Optional.ofNullable(retention);
  }

  public String topicName() {
    return topicName;
  }

  public Writer writer() {
    return writer;
  }

  /**
   * Compacted topics keep the latest event per key, so a new consumer can rebuild state from them.
   */
  public boolean compacted() {
    return compacted;
  }

  /** The topic whose poison events land here, if this is a dead-letter topic. */
  public Optional<Topic> deadLetterSource() {
    return Optional.ofNullable(deadLetterSource);
  }

  public static Optional<Topic> byName(String topicName) {
    return Arrays.stream(values()).filter(t -> t.topicName.equals(topicName)).findFirst();
  }
}
