package org.skillway.ingest.metrics;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.time.Duration;
import java.util.Map;
import org.springframework.stereotype.Component;

/**
 * Cohort uploads: {@code skillway_cohort_rows_total} by outcome (accepted, unchanged, rejected; its
 * rate is rows per second) and {@code skillway_cohort_upload_duration_seconds} by format and
 * result. Labels name no university or cohort, so they stay bounded however many upload.
 */
@Component
public class CohortMetrics {
  private final Map<String, Counter> rows;
  private final MeterRegistry meters;

  public CohortMetrics(MeterRegistry meters) {
    this.meters = meters;
    // Registered at 0, so a rejection ratio is defined before the first upload.
    this.rows =
        Map.of(
            "accepted", rows(meters, "accepted"),
            "unchanged", rows(meters, "unchanged"),
            "rejected", rows(meters, "rejected"));
  }

  private static Counter rows(MeterRegistry meters, String outcome) {
    return Counter.builder("skillway.cohort.rows")
        .description("Rows of cohort uploads read, by outcome")
        .tag("outcome", outcome)
        .register(meters);
  }

  /**
   * @param format {@code CSV} or {@code NDJSON}
   * @param result {@code DONE} or {@code FAILED}
   * @param accepted rows held as profiles, unchanged ones included (as the upload reports them)
   */
  public void uploadFinished(
      String format,
      String result,
      long accepted,
      long unchanged,
      long rejected,
      Duration duration) {
    rows.get("accepted").increment(Math.max(0, accepted - unchanged));
    rows.get("unchanged").increment(unchanged);
    rows.get("rejected").increment(rejected);
    Timer.builder("skillway.cohort.upload.duration")
        .description("Time from the start of a cohort upload to its report")
        .tag("format", format.toLowerCase(java.util.Locale.ROOT))
        .tag("result", result.toLowerCase(java.util.Locale.ROOT))
        .register(meters)
        .record(duration);
  }
}
