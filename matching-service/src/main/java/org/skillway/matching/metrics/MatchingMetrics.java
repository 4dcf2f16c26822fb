package org.skillway.matching.metrics;

import io.micrometer.core.instrument.DistributionSummary;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import java.util.List;
import java.util.function.Supplier;
import org.skillway.matching.match.MatchIndex;
import org.springframework.stereotype.Component;

/**
 * What matching does per query and what it holds:
 *
 * <ul>
 *   <li>{@code skillway_matching_query_seconds{query="profile"|"vacancy"}}: time to find the best
 *       vacancies for a profile, or the best candidates for a vacancy, in the index;
 *   <li>{@code skillway_matching_query_results}: matches a query returned (at most top-k);
 *   <li>{@code skillway_matching_index_entries{kind="profiles"|"vacancies"}}: what the index holds;
 *   <li>{@code skillway_matching_score}: the score of every match published (0-100).
 * </ul>
 */
@Component
public class MatchingMetrics {
  private final Timer profileQuery;
  private final Timer vacancyQuery;
  private final DistributionSummary profileResults;
  private final DistributionSummary vacancyResults;
  private final DistributionSummary score;

  public MatchingMetrics(MeterRegistry meters, MatchIndex index) {
    profileQuery = query(meters, "profile");
    vacancyQuery = query(meters, "vacancy");
    profileResults = results(meters, "profile");
    vacancyResults = results(meters, "vacancy");
    score =
        DistributionSummary.builder("skillway.matching.score")
            .description("Score of each match published, 0 to 100")
            .serviceLevelObjectives(10, 20, 30, 40, 50, 60, 70, 80, 90, 100)
            .register(meters);
    Gauge.builder("skillway.matching.index.entries", index, MatchIndex::profileCount)
        .description("Entries held in this instance's match index")
        .tag("kind", "profiles")
        .register(meters);
    Gauge.builder("skillway.matching.index.entries", index, MatchIndex::vacancyCount)
        .description("Entries held in this instance's match index")
        .tag("kind", "vacancies")
        .register(meters);
  }

  private static Timer query(MeterRegistry meters, String query) {
    return Timer.builder("skillway.matching.query")
        .description("Time to query the match index")
        .tag("query", query)
        .publishPercentileHistogram()
        .minimumExpectedValue(java.time.Duration.ofNanos(10_000))
        .maximumExpectedValue(java.time.Duration.ofSeconds(5))
        .register(meters);
  }

  private static DistributionSummary results(MeterRegistry meters, String query) {
    return DistributionSummary.builder("skillway.matching.query.results")
        .description("Matches one index query returned")
        .tag("query", query)
        .register(meters);
  }

  /** The best vacancies for a profile, timed. */
  public <T> List<T> profileQuery(Supplier<List<T>> query) {
    List<T> found = profileQuery.record(query);
    profileResults.record(found.size());
    return found;
  }

  /** The best candidates for a vacancy, timed. */
  public <T> List<T> vacancyQuery(Supplier<List<T>> query) {
    List<T> found = vacancyQuery.record(query);
    vacancyResults.record(found.size());
    return found;
  }

  public void matchPublished(int score) {
    this.score.record(score);
  }
}
