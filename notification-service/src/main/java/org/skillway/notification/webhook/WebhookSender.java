package org.skillway.notification.webhook;

import java.time.Clock;
import org.skillway.notification.delivery.Delivery;
import org.skillway.notification.delivery.NotWanted;
import org.skillway.notification.system.NotificationProperties;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.http.MediaType;
import org.springframework.http.client.reactive.ReactorClientHttpConnector;
import org.springframework.stereotype.Component;
import org.springframework.web.reactive.function.client.WebClient;
import reactor.core.publisher.Mono;
import reactor.netty.http.client.HttpClient;

/**
 * POSTs a delivery's JSON to the employer's registered URL, signed ({@link WebhookSignature}).
 * Every attempt is logged; a 2xx answer is success; anything else, or no answer within the timeout,
 * is a failure that counts towards pausing the endpoint.
 *
 * <p>The URL is checked again before each attempt, and the client resolves names through {@link
 * WebhookAddressResolverGroup}, so it connects only to addresses the policy allows; it follows no
 * redirect (a public endpoint could otherwise send it to an internal one) and uses no proxy. A
 * refused address is an ordinary failed attempt: logged, counted, retried, in the end given up.
 */
@Component
public class WebhookSender {
  private static final Logger log = LoggerFactory.getLogger(WebhookSender.class);

  private final WebhookStore hooks;
  private final WebClient http;
  private final Clock clock;
  private final NotificationProperties settings;
  private final WebhookSecrets secrets;
  private final WebhookAddressPolicy policy;

  WebhookSender(
      WebhookStore hooks,
      Clock clock,
      NotificationProperties settings,
      WebhookSecrets secrets,
      WebhookAddressPolicy policy,
      WebhookAddressResolverGroup resolver) {
    this.hooks = hooks;
    this.http =
        WebClient.builder()
            .clientConnector(
                new ReactorClientHttpConnector(
                    HttpClient.create().resolver(resolver).followRedirect(false).noProxy()))
            .build();
    this.clock = clock;
    this.settings = settings;
    this.secrets = secrets;
    this.policy = policy;
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
              var refusal = policy.checkForm(hook.url());
              Mono<Void> attempt =
                  refusal.isPresent()
                      ? Mono.error(
                          new WebhookAddressResolverGroup.BlockedAddressException(
                              "webhook URL " + refusal.get().reason()))
                      : post(delivery, hook);
              return attempt
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

  private Mono<Void> post(Delivery delivery, EmployerWebhook hook) {
    return Mono.fromCallable(() -> secrets.open(hook.employerId(), hook.sealedSecret()))
        .flatMap(
            secret ->
                http.post()
                    .uri(hook.url())
                    .contentType(MediaType.APPLICATION_JSON)
                    .header(
                        WebhookSignature.HEADER,
                        WebhookSignature.sign(secret, clock.instant(), delivery.body()))
                    .header("Skillway-Delivery-Id", delivery.id())
                    .bodyValue(delivery.body())
                    .retrieve()
                    .toBodilessEntity()
                    .timeout(settings.webhookTimeout()))
        .doOnSuccess(
            ok ->
                log.info(
                    "webhook {} attempt {} to {}: {}",
                    delivery.id(),
                    delivery.attempts() + 1,
                    hook.url(),
                    ok.getStatusCode()))
        .then();
  }
}
