package org.skillway.notification.webhook;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
public class WebhookStore {
  private final ReactiveMongoTemplate mongo;

  WebhookStore(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  public Mono<EmployerWebhook> of(String employerId) {
    return mongo.findById(employerId, EmployerWebhook.class);
  }

  public Mono<EmployerWebhook> save(EmployerWebhook hook) {
    return mongo.save(hook);
  }

  public Mono<Void> remove(String employerId) {
    return mongo.remove(query(where("_id").is(employerId)), EmployerWebhook.class).then();
  }

  public Mono<Void> succeeded(String employerId) {
    return mongo
        .updateFirst(
            query(where("_id").is(employerId)),
            new Update().set("consecutiveFailures", 0),
            EmployerWebhook.class)
        .then();
  }

  /** Counts a failure, and pauses the endpoint once {@code pauseAfter} have come in a row. */
  public Mono<EmployerWebhook> failed(String employerId, int pauseAfter) {
    return mongo
        .findAndModify(
            query(where("_id").is(employerId)),
            new Update().inc("consecutiveFailures", 1),
            FindAndModifyOptions.options().returnNew(true),
            EmployerWebhook.class)
        .flatMap(
            hook ->
                hook.consecutiveFailures() >= pauseAfter && !hook.paused()
                    ? mongo.findAndModify(
                        query(where("_id").is(employerId)),
                        new Update().set("paused", true),
                        FindAndModifyOptions.options().returnNew(true),
                        EmployerWebhook.class)
                    : Mono.just(hook));
  }
}
