package org.skillway.notification.webhook;

import java.math.BigDecimal;
import java.util.List;
import org.skillway.notification.system.Numbers;
import org.skillway.support.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * An employer registers where their system hears about candidates and from what score. The signing
 * secret is made here and shown once, in the answer to the registration (it is stored sealed);
 * registering again makes a new secret and resumes a paused endpoint. The URL must be one this
 * service may call ({@link WebhookAddressPolicy}).
 */
@RestController
class WebhookController {
  private final WebhookStore store;
  private final WebhookSecrets secrets;
  private final WebhookAddressPolicy policy;

  WebhookController(WebhookStore store, WebhookSecrets secrets, WebhookAddressPolicy policy) {
    this.store = store;
    this.secrets = secrets;
    this.policy = policy;
  }

  /**
   * @param threshold a number, so that one too large for an int is still answered naming the field
   */
  record WebhookRequest(String url, BigDecimal threshold) {}

  /** What an employer sees of a registered webhook: never the secret. */
  record WebhookView(String url, int threshold, boolean paused, int consecutiveFailures) {
    static WebhookView of(EmployerWebhook hook) {
      return new WebhookView(
          hook.url(), hook.threshold(), hook.paused(), hook.consecutiveFailures());
    }
  }

  record Registered(String url, int threshold, String secret, String signatureHeader) {}

  @PutMapping("/api/v1/employers/{employerId}/webhook")
  Mono<Registered> register(
      @PathVariable String employerId, @RequestBody(required = false) WebhookRequest request) {
    if (request == null) {
      throw ApiProblemException.invalid("body", "is required: {\"url\":\"https://…\"}");
    }
    int threshold =
        request.threshold() == null
            ? 50
            : Numbers.wholeBetween("threshold", request.threshold(), 0, 100);
    policy
        .checkForm(request.url())
        .ifPresent(
            refusal -> {
              throw ApiProblemException.invalid("url", refusal.reason());
            });
    String url = request.url().strip();
    // The host is looked up (blocking), off the request thread.
    return Mono.fromCallable(() -> policy.check(url))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            refusal -> {
              if (refusal.isPresent()) {
                return Mono.error(ApiProblemException.invalid("url", refusal.get().reason()));
              }
              String secret = secrets.newSecret();
              return store
                  .save(
                      new EmployerWebhook(
                          employerId, url, secrets.seal(employerId, secret), threshold, 0, false))
                  .thenReturn(new Registered(url, threshold, secret, WebhookSignature.HEADER));
            });
  }

  @GetMapping("/api/v1/employers/{employerId}/webhook")
  Mono<WebhookView> get(@PathVariable String employerId) {
    return store
        .of(employerId)
        .map(WebhookView::of)
        .switchIfEmpty(
            Mono.error(
                new ApiProblemException(
                    HttpStatus.NOT_FOUND, "No webhook is registered", List.of())));
  }

  @DeleteMapping("/api/v1/employers/{employerId}/webhook")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> remove(@PathVariable String employerId) {
    return store.remove(employerId);
  }
}
