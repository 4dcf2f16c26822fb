package org.skillway.matching.match;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import java.time.Clock;
import org.skillway.events.MatchData;
import org.skillway.support.EventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Stores a match once (the match id is the unique key) and publishes its event until that has
 * succeeded once. Two threads that find the same match race on the insert; one wins, and the repeat
 * changes nothing.
 */
@Component
public class MatchRecorder {
  private final ReactiveMongoTemplate mongo;
  private final EventPublisher events;
  private final Clock clock;
  private final Counter published;

  MatchRecorder(
      ReactiveMongoTemplate mongo, EventPublisher events, Clock clock, MeterRegistry meters) {
    this.mongo = mongo;
    this.events = events;
    this.clock = clock;
    this.published =
        Counter.builder("skillway.matches.published")
            .description("Match events published")
            .tag("type", "MatchFound")
            .register(meters);
  }

  public Mono<Void> record(MatchData match) {
    StoredMatch candidate = new StoredMatch(match.matchId(), 1, match, clock.instant(), false);
    return mongo
        .insert(candidate)
        .onErrorResume(
            DuplicateKeyException.class,
            known -> mongo.findById(match.matchId(), StoredMatch.class))
        .filter(stored -> !stored.published())
        .flatMap(
            stored ->
                events
                    .publish(stored.toEvent())
                    .then(
                        mongo.updateFirst(
                            query(where("_id").is(stored.id())),
                            Update.update("published", true),
                            StoredMatch.class))
                    .doOnSuccess(done -> published.increment()))
        .then();
  }
}
