package org.skillway.matching.match;

import java.time.Duration;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/** Runs {@link Matcher#closeExpiredVacancies()} just after midnight, UK time. */
@Component
class ClosingSweep {
  private static final Logger LOG = LoggerFactory.getLogger(ClosingSweep.class);

  private final Matcher matcher;

  ClosingSweep(Matcher matcher) {
    this.matcher = matcher;
  }

  @Scheduled(cron = "${skillway.matching.closing-sweep-cron:0 5 0 * * *}", zone = "Europe/London")
  void sweep() {
    try {
      matcher.closeExpiredVacancies().block(Duration.ofMinutes(10));
    } catch (RuntimeException e) {
      // The next sweep tries again; nothing is lost, since the vacancies and matches stay stored.
      LOG.warn("Closing sweep failed: {}", e.toString());
    }
  }
}
