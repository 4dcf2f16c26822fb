package org.skillway.notification.delivery;

import java.time.Duration;
import java.util.random.RandomGenerator;

/**
 * Exponential back-off with full jitter: the wait before attempt {@code n + 1} is uniform between
 * half and all of {@code first * 2^(n-1)}, capped at {@code max}, so many failing deliveries do not
 * retry in step.
 */
public record Backoff(Duration first, Duration max) {
  public Duration after(int attempts, RandomGenerator random) {
    long ceiling = first.toMillis() << Math.min(20, Math.max(0, attempts - 1));
    ceiling = Math.min(ceiling, max.toMillis());
    long wait = ceiling / 2 + random.nextLong(ceiling / 2 + 1);
    return Duration.ofMillis(wait);
  }
}
