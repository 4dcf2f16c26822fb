package org.skillway.notification;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real time plus an offset a test can move, so "tomorrow" can be reached without waiting a day.
 */
final class MutableClock extends Clock {
  private final AtomicReference<Duration> offset;
  private final ZoneId zone;

  MutableClock() {
    this(new AtomicReference<>(Duration.ZERO), ZoneId.of("UTC"));
  }

  private MutableClock(AtomicReference<Duration> offset, ZoneId zone) {
    this.offset = offset;
    this.zone = zone;
  }

  void advance(Duration by) {
    offset.updateAndGet(current -> current.plus(by));
  }

  void reset() {
    offset.set(Duration.ZERO);
  }

  @Override
  public ZoneId getZone() {
    return zone;
  }

  @Override
  public Clock withZone(ZoneId other) {
    return new MutableClock(offset, other);
  }

  @Override
  public Instant instant() {
    return Instant.now().plus(offset.get());
  }
}
