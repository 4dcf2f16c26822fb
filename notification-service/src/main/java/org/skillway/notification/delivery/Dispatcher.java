package org.skillway.notification.delivery;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import jakarta.annotation.PreDestroy;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.atomic.AtomicReference;
import org.skillway.notification.email.EmailSender;
import org.skillway.notification.email.EmailText;
import org.skillway.notification.preference.Channel;
import org.skillway.notification.system.NotificationProperties;
import org.skillway.notification.webhook.WebhookSender;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.Disposable;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Sends what is due. Each delivery is claimed first (a single-document compare-and-set with a
 * lease), so two instances never send the same one, and one whose sender crashed is taken up again
 * when the lease runs out. A failure is retried with exponential back-off and jitter, up to the
 * configured number of attempts; a recipient who no longer wants it cancels it.
 */
@Component
public class Dispatcher {
  private static final Logger log = LoggerFactory.getLogger(Dispatcher.class);
  private static final Duration LEASE = Duration.ofMinutes(2);

  /** Full rounds run back to back at most this many times before the next tick's turn. */
  private static final int ROUNDS_IN_A_ROW = 100;

  private final DeliveryStore store;
  private final EmailSender email;
  private final WebhookSender webhooks;
  private final Clock clock;
  private final NotificationProperties settings;
  private final Random random = new Random();
  private final AtomicReference<Disposable> round = new AtomicReference<>();
  private final Map<Channel, Counter> sent = new EnumMap<>(Channel.class);
  private final Map<Channel, Counter> failed = new EnumMap<>(Channel.class);
  private final Map<Channel, Counter> retried = new EnumMap<>(Channel.class);
  private final Map<Channel, Timer> latency = new EnumMap<>(Channel.class);

  Dispatcher(
      DeliveryStore store,
      EmailSender email,
      WebhookSender webhooks,
      Clock clock,
      NotificationProperties settings,
      MeterRegistry meters) {
    this.store = store;
    this.email = email;
    this.webhooks = webhooks;
    this.clock = clock;
    this.settings = settings;
    for (Channel channel : List.of(Channel.EMAIL, Channel.WEBHOOK)) {
      String tag = channel.name().toLowerCase();
      sent.put(
          channel, counter(meters, "skillway.notifications.sent", "Notifications delivered", tag));
      failed.put(
          channel,
          counter(
              meters, "skillway.notifications.failed", "Deliveries given up after retries", tag));
      retried.put(
          channel,
          counter(meters, "skillway.notifications.retried", "Failed attempts to be retried", tag));
      latency.put(
          channel,
          Timer.builder("skillway.notifications.delivery.latency")
              .description("From the match event to delivery")
              .tag("channel", tag)
              .publishPercentileHistogram()
              .register(meters));
    }
  }

  private static Counter counter(
      MeterRegistry meters, String name, String description, String tag) {
    return Counter.builder(name).description(description).tag("channel", tag).register(meters);
  }

  /**
   * Starts a round unless one is still running. The round runs on its own, never blocking the
   * scheduler's thread, so shutting down is not held up by a slow SMTP server or endpoint: the
   * round is cancelled and its claims run out, to be taken up again.
   */
  @Scheduled(fixedDelayString = "${skillway.notification.dispatch-every:PT1S}")
  void tick() {
    Disposable running = round.get();
    if (running != null && !running.isDisposed()) {
      return;
    }
    round.set(
        dispatchDue()
            .subscribe(
                done -> {},
                failure -> log.warn("dispatching failed; the next round tries again", failure)));
  }

  @PreDestroy
  void stop() {
    Disposable running = round.getAndSet(null);
    if (running != null) {
      running.dispose();
    }
  }

  /**
   * Sends everything due now, a round of up to {@code dispatch-batch} at a time, the next round
   * straight after one that came back full; what fails is rescheduled.
   */
  public Mono<Void> dispatchDue() {
    return rounds(ROUNDS_IN_A_ROW);
  }

  private Mono<Void> rounds(int left) {
    return Mono.defer(this::dispatchRound)
        .flatMap(full -> full && left > 1 ? rounds(left - 1) : Mono.<Void>empty());
  }

  /** One round; true when it was full, so more may be waiting. */
  private Mono<Boolean> dispatchRound() {
    Instant now = clock.instant();
    return store
        .due(now, settings.dispatchBatch())
        .collectList()
        .flatMap(
            due ->
                // One e-mail or webhook does not wait for another (a slow SMTP server or endpoint
                // holds up only its own); a person's digest gathers all their items, so digests go
                // one after another, never two for one person at once.
                Flux.fromIterable(due)
                    .filter(d -> !d.digest())
                    .flatMap(d -> sendOne(d, now), settings.dispatchConcurrency())
                    .thenMany(
                        Flux.fromIterable(due)
                            .filter(Delivery::digest)
                            .concatMap(d -> sendDigest(d, now)))
                    .then(Mono.just(due.size() >= settings.dispatchBatch())));
  }

  private Mono<Void> sendOne(Delivery due, Instant now) {
    return store
        .claim(due, now, now.plus(LEASE))
        .flatMap(
            delivery ->
                send(delivery)
                    .then(Mono.defer(() -> delivered(delivery)))
                    .onErrorResume(failure -> failed(delivery, failure)));
  }

  private Mono<Void> send(Delivery delivery) {
    EmailText.Email text =
        new EmailText.Email(delivery.subject(), delivery.body(), delivery.html());
    if (delivery.channel() == Channel.WEBHOOK) {
      return webhooks.send(delivery);
    }
    return delivery.isInvitation()
        ? email.sendTo(delivery.address(), text)
        : email.send(delivery.recipient(), text);
  }

  /** Gathers every digest item of the person that is due and sends them as one e-mail. */
  private Mono<Void> sendDigest(Delivery first, Instant now) {
    return store
        .dueDigestItems(first.recipient(), now)
        .concatMap(item -> store.claim(item, now, now.plus(LEASE)))
        .collectList()
        .filter(items -> !items.isEmpty())
        .flatMap(
            items ->
                email
                    .send(
                        first.recipient(),
                        EmailText.digest(
                            items.stream()
                                .map(i -> new EmailText.Email(i.subject(), i.body(), i.html()))
                                .toList()))
                    .then(
                        Mono.defer(
                            () ->
                                reactor.core.publisher.Flux.fromIterable(items)
                                    .concatMap(this::delivered)
                                    .then()))
                    .onErrorResume(
                        failure ->
                            reactor.core.publisher.Flux.fromIterable(items)
                                .concatMap(i -> failed(i, failure))
                                .then()));
  }

  private Mono<Void> delivered(Delivery delivery) {
    Instant at = clock.instant();
    sent.get(delivery.channel()).increment();
    if (delivery.matchedAt() != null && !at.isBefore(delivery.matchedAt())) {
      latency.get(delivery.channel()).record(Duration.between(delivery.matchedAt(), at));
    }
    return store.sent(delivery, at);
  }

  private Mono<Void> failed(Delivery delivery, Throwable failure) {
    if (failure instanceof NotWanted) {
      return store.cancelled(delivery, failure.getMessage());
    }
    String error = failure.toString();
    if (delivery.attempts() + 1 >= settings.maxAttempts()) {
      failed.get(delivery.channel()).increment();
      log.warn(
          "giving up on {} after {} attempts: {}", delivery.id(), delivery.attempts() + 1, error);
      return store.failed(delivery, error);
    }
    retried.get(delivery.channel()).increment();
    Duration wait = settings.backoff().after(delivery.attempts() + 1, random);
    return store.retry(delivery, clock.instant().plus(wait), error);
  }
}
