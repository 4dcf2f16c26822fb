package org.skillway.notification.metrics;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import java.util.concurrent.atomic.AtomicLong;
import org.skillway.notification.webhook.EmployerWebhook;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;

/**
 * {@code skillway_webhooks_paused}: employers' webhooks paused after failures in a row, counted
 * from the stored registrations every 30 seconds (every instance reports the same number, so the
 * alert takes the maximum). A count from storage survives restarts, which a counter would not.
 */
@Component
public class WebhookMetrics {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(WebhookMetrics.class);

  private final ReactiveMongoTemplate mongo;
  private final AtomicLong paused = new AtomicLong();

  public WebhookMetrics(ReactiveMongoTemplate mongo, MeterRegistry meters) {
    this.mongo = mongo;
    Gauge.builder("skillway.webhooks.paused", paused, AtomicLong::get)
        .description("Employers' webhooks paused after repeated failures")
        .register(meters);
  }

  @Scheduled(initialDelayString = "PT1S", fixedDelayString = "PT30S")
  void count() {
    mongo
        .count(query(where("paused").is(true)), EmployerWebhook.class)
        .subscribe(paused::set, failure -> LOG.debug("Counting paused webhooks failed", failure));
  }
}
