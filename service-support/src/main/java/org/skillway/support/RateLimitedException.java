package org.skillway.support;

import java.time.Duration;

/** A client has used up its allowance; answered with 429 and {@code Retry-After}. */
public class RateLimitedException extends RuntimeException {
  private final Duration retryAfter;

  public RateLimitedException(String detail, Duration retryAfter) {
    super(detail);
    this.retryAfter = retryAfter.toSeconds() < 1 ? Duration.ofSeconds(1) : retryAfter;
  }

  public Duration retryAfter() {
    return retryAfter;
  }
}
