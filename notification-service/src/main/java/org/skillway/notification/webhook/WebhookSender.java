package org.skillway.notification.webhook;

import java.time.Clock;
import org.skillway.notification.delivery.Delivery;
import org.skillway.notification.delivery.NotWanted;
import org.skillway.notification.system.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;

/**
 * POSTs a delivery's JSON to the employer's registered URL, signed ({@link WebhookSignature}).
 * Every attempt is logged; a 2xx answer is success; anything else, or no answer within the timeout,
 * is a failure that counts towards pausing the endpoint.
 */
@Component
public class WebhookSender {
  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

  private final WebhookStore hooks;
  private final WebClient http;
  private final Clock clock;
  private final NotificationProperties settings;

  WebhookSender(WebhookStore hooks, Clock clock, NotificationProperties settings) {
    this.hooks = hooks;
    this.http = WebClient.builder().build();
    this.clock = clock;
    this.settings = settings;
  }

  public Mono<Void> send(Delivery delivery) {
    return hooks
        .of(delivery.recipient())
        .switchIfEmpty(Mono.error(new NotWanted("the employer has removed their webhook")))
        .flatMap(
            hook -> {
              if (hook.paused()) {
                return Mono.error(
                    new IllegalStateException("the endpoint is paused after repeated failures"));
              }
              String signature =
                  WebhookSignature.sign(hook.secret(), clock.instant(), delivery.body());
              return http.post()
                  .uri(hook.url())
                  .contentType(MediaType.APPLICATION_JSON)
                  .header(WebhookSignature.HEADER, signature)
                  .header("Skillway-Delivery-Id", delivery.id())
                  .bodyValue(delivery.body())
                  .retrieve()
                  .toBodilessEntity()
                  .timeout(settings.webhookTimeout())
                  .doOnSuccess(
                      ok ->
                          log.info(
                              "webhook {} attempt {} to {}: {}",
                              delivery.id(),
                              delivery.attempts() + 1,
                              hook.url(),
                              ok.getStatusCode()))
                  .then(hooks.succeeded(hook.employerId()))
                  .onErrorResume(
                      failure -> {
                        log.warn(
                            "webhook {} attempt {} to {} failed: {}",
                            delivery.id(),
                            delivery.attempts() + 1,
                            hook.url(),
                            failure.toString());
                        return hooks
                            .failed(hook.employerId(), settings.webhookPauseAfter())
                            .then(Mono.error(failure));
                      });
            });
  }
}
