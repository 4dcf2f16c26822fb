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
 *   <li>{@code skillway_matching_query_candidates{query, stage="touched"|"scored"}}: candidates a
 *       query touched (shared a skill with it, so got an upper bound), and those it scored in full
 *       before the bound ruled the rest out: how hard the index works, and how well it prunes;
 *   <li>{@code skillway_matching_index_entries{kind="profiles"|"vacancies"}}: what the index holds;
 *   <li>{@code skillway_matching_score}: the score of every match published (0-100);
 *   <li>{@code skillway_matching_first_match_seconds}: time from a person's registration to their
 *       first match (the regional picture's "how long until someone is matched").
 * </ul>
 */
@Component
public class MatchingMetrics {
  private final Timer profileQuery;
  private final Timer vacancyQuery;
  private final DistributionSummary profileResults;
  private final DistributionSummary vacancyResults;
  private final DistributionSummary score;
  private final Timer firstMatch;

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
    firstMatch =
        Timer.builder("skillway.matching.first.match")
            .description("Time from a person's registration to their first match")
            .serviceLevelObjectives(
                java.time.Duration.ofSeconds(10),
                java.time.Duration.ofMinutes(1),
                java.time.Duration.ofMinutes(10),
                java.time.Duration.ofHours(1),
                java.time.Duration.ofDays(1),
                java.time.Duration.ofDays(7),
                java.time.Duration.ofDays(30))
            .register(meters);
    java.util.Map<MatchIndex.Direction, DistributionSummary[]> candidates =
        new java.util.EnumMap<>(MatchIndex.Direction.class);
    for (MatchIndex.Direction direction : MatchIndex.Direction.values()) {
      String query = direction.name().toLowerCase(java.util.Locale.ROOT);
      candidates.put(
          direction,
          new DistributionSummary[] {
            candidates(meters, query, "touched"), candidates(meters, query, "scored")
          });
    }
    index.observeQueries(
        (direction, touched, scored) -> {
          DistributionSummary[] summaries = candidates.get(direction);
          summaries[0].record(touched);
          summaries[1].record(scored);
        });
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

  private static DistributionSummary candidates(MeterRegistry meters, String query, String stage) {
    return DistributionSummary.builder("skillway.matching.query.candidates")
        .description("Candidates one index query touched, or scored in full")
        .tag("query", query)
        .tag("stage", stage)
        .serviceLevelObjectives(10, 100, 1_000, 10_000, 100_000, 1_000_000)
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

  public void firstMatch(java.time.Duration sinceRegistration) {
    firstMatch.record(sinceRegistration);
  }
}
