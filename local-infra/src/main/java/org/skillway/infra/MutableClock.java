package org.skillway.infra;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The real time plus an offset a test can move, so "tomorrow" can be reached without waiting a day.
 */
public final class MutableClock extends Clock {
  private final AtomicReference<Duration> offset;
  private final ZoneId zone;

  public MutableClock() {
    this(new AtomicReference<>(Duration.ZERO), ZoneId.of("UTC"));
  }

  private MutableClock(AtomicReference<Duration> offset, ZoneId zone) {
    this.offset = offset;
    this.zone = zone;
  }

  public void advance(Duration by) {
    offset.updateAndGet(current -> current.plus(by));
  }

  public void reset() {
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
