package org.skillway.notification.preference;

import java.time.Instant;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.util.Objects;

/**
 * A daily window, in UK time, when no e-mail is sent: from {@code start} until {@code end}, which
 * may wrap past midnight (22:00 to 07:00). Equal times mean no quiet hours.
 */
public record QuietHours(LocalTime start, LocalTime end) {
  public static final ZoneId UK = ZoneId.of("Europe/London");

  public QuietHours {
    Objects.requireNonNull(start, "start");
    Objects.requireNonNull(end, "end");
  }

  public boolean contains(LocalTime time) {
    if (start.equals(end)) {
      return false;
    }
    return start.isBefore(end)
        ? !time.isBefore(start) && time.isBefore(end)
        : !time.isBefore(start) || time.isBefore(end);
  }

  /** {@code at} itself if it is outside quiet hours, else the moment they end (UK time). */
  public Instant nextAllowed(Instant at) {
    ZonedDateTime local = at.atZone(UK);
    if (!contains(local.toLocalTime())) {
      return at;
    }
    ZonedDateTime end = local.with(this.end);
    if (!end.isAfter(local)) {
      end = end.plusDays(1);
    }
    return end.toInstant();
  }
}
