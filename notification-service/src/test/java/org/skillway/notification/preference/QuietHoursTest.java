package org.skillway.notification.preference;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import org.junit.jupiter.api.Test;

class QuietHoursTest {
  private final QuietHours night = new QuietHours(LocalTime.of(22, 0), LocalTime.of(7, 0));

  @Test
  void aWindowAcrossMidnightHoldsBothEnds() {
    assertThat(night.contains(LocalTime.of(23, 30))).isTrue();
    assertThat(night.contains(LocalTime.of(3, 0))).isTrue();
    assertThat(night.contains(LocalTime.of(7, 0))).isFalse();
    assertThat(night.contains(LocalTime.of(12, 0))).isFalse();
    assertThat(new QuietHours(LocalTime.NOON, LocalTime.NOON).contains(LocalTime.NOON)).isFalse();
  }

  /** A match at 3 a.m. UK time waits for 7 a.m.; in summer UK time is an hour ahead of UTC. */
  @Test
  void anEmailDuringQuietHoursWaitsForTheirEndInUkTime() {
    Instant winterNight = Instant.parse("2026-12-01T03:00:00Z");
    assertThat(night.nextAllowed(winterNight)).isEqualTo(Instant.parse("2026-12-01T07:00:00Z"));
    Instant summerEvening = Instant.parse("2026-07-01T21:30:00Z"); // 22:30 BST
    assertThat(night.nextAllowed(summerEvening)).isEqualTo(Instant.parse("2026-07-02T06:00:00Z"));
    Instant noon = Instant.parse("2026-12-01T12:00:00Z");
    assertThat(night.nextAllowed(noon)).isEqualTo(noon);
  }
}
