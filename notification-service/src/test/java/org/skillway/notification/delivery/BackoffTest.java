package org.skillway.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.Random;
import org.junit.jupiter.api.Test;

class BackoffTest {
  private final Backoff backoff = new Backoff(Duration.ofSeconds(2), Duration.ofMinutes(30));

  /** Waits double with each attempt, jittered between half and all of the step, and are capped. */
  @Test
  void waitsGrowExponentiallyWithJitterUpToTheCap() {
    Random random = new Random(7);
    for (int i = 0; i < 200; i++) {
      assertThat(backoff.after(1, random)).isBetween(Duration.ofSeconds(1), Duration.ofSeconds(2));
      assertThat(backoff.after(4, random)).isBetween(Duration.ofSeconds(8), Duration.ofSeconds(16));
      assertThat(backoff.after(30, random))
          .isBetween(Duration.ofMinutes(15), Duration.ofMinutes(30));
    }
    assertThat(
            java.util.stream.IntStream.range(0, 50)
                .mapToObj(i -> backoff.after(3, random))
                .distinct()
                .count())
        .as("jitter spreads retries out")
        .isGreaterThan(10);
  }
}
