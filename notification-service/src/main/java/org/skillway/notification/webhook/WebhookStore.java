package org.skillway.notification.webhook;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.bson.Document;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.data.mongodb.core.FindAndModifyOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

@Component
public class WebhookStore implements ApplicationRunner {
  private static final Logger log = LoggerFactory.getLogger(WebhookStore.class);
  static final String COLLECTION = "webhooks";

  private final ReactiveMongoTemplate mongo;
  private final WebhookSecrets secrets;

  WebhookStore(ReactiveMongoTemplate mongo, WebhookSecrets secrets) {
    this.mongo = mongo;
    this.secrets = secrets;
  }

  /**
   * Seals any secret still stored in plain (registered before secrets were sealed), so that none
   * stays readable in the database.
   */
  @Override
  public void run(ApplicationArguments args) {
    Long sealed =
        mongo
            .find(query(where("secret").exists(true)), Document.class, COLLECTION)
            .concatMap(
                plain ->
                    mongo.updateFirst(
                        query(where("_id").is(plain.get("_id"))),
                        new Update()
                            .set(
                                "sealedSecret",
                                secrets.seal(plain.getString("_id"), plain.getString("secret")))
                            .unset("secret"),
                        COLLECTION))
            .count()
            .block();
    if (sealed != null && sealed > 0) {
      log.info("sealed {} webhook secrets that were stored in plain", sealed);
    }
  }

  public Mono<EmployerWebhook> of(String employerId) {
    return mongo.findById(employerId, EmployerWebhook.class);
  }

  /** The webhooks these employers registered (those without one are absent): one look-up. */
  public Mono<java.util.Map<String, EmployerWebhook>> ofAll(
      java.util.Collection<String> employerIds) {
    if (employerIds.isEmpty()) {
      return Mono.just(java.util.Map.of());
    }
    return mongo
        .find(
            org.springframework.data.mongodb.core.query.Query.query(
                org.springframework.data.mongodb.core.query.Criteria.where("_id").in(employerIds)),
            EmployerWebhook.class)
        .collectMap(EmployerWebhook::employerId);
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
