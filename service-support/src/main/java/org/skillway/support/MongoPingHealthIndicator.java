package org.skillway.support;

import org.bson.Document;
import org.springframework.boot.health.contributor.AbstractReactiveHealthIndicator;
import org.springframework.boot.health.contributor.Health;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import reactor.core.publisher.Mono;

/**
 * MongoDB health by the {@code ping} command, which real MongoDB and the wire-protocol server both
 * answer (Boot's own indicator sends {@code hello}, which the wire server does not know).
 */
public class MongoPingHealthIndicator extends AbstractReactiveHealthIndicator {
  private final ReactiveMongoTemplate mongo;

  public MongoPingHealthIndicator(ReactiveMongoTemplate mongo) {
    super("MongoDB ping failed");
    this.mongo = mongo;
  }

  @Override
  protected Mono<Health> doHealthCheck(Health.Builder builder) {
    return mongo
        .getMongoDatabase()
        .flatMap(
            database ->
                Mono.from(database.runCommand(new Document("ping", 1)))
                    .map(reply -> builder.up().withDetail("database", database.getName()).build()));
  }
}
