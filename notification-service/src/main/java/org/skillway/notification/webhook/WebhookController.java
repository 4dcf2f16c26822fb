package org.skillway.notification.webhook;

import java.net.URI;
import java.net.URISyntaxException;
import java.security.SecureRandom;
import java.util.HexFormat;
import org.skillway.notification.system.NotificationProperties;
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

/**
 * An employer registers where their system hears about candidates and from what score. The signing
 * secret is made here and shown once, in the answer to the registration; registering again makes a
 * new secret and resumes a paused endpoint.
 */
@RestController
class WebhookController {
  private static final SecureRandom RANDOM = new SecureRandom();

  private final WebhookStore store;
  private final NotificationProperties settings;

  WebhookController(WebhookStore store, NotificationProperties settings) {
    this.store = store;
    this.settings = settings;
  }

  record WebhookRequest(String url, Integer threshold) {}

  /** What an employer sees of a registered webhook: never the secret. */
  record WebhookView(String url, int threshold, boolean paused, int consecutiveFailures) {
    static WebhookView of(EmployerWebhook hook) {
      return new WebhookView(
          hook.url(), hook.threshold(), hook.paused(), hook.consecutiveFailures());
    }
  }

  record Registered(String url, int threshold, String secret, String signatureHeader) {}

  @PutMapping("/api/v1/employers/{employerId}/webhook")
  Mono<Registered> register(@PathVariable String employerId, @RequestBody WebhookRequest request) {
    String url = checkedUrl(request.url());
    int threshold = request.threshold() == null ? 50 : request.threshold();
    if (threshold < 0 || threshold > 100) {
      throw ApiProblemException.invalid("threshold", "must be between 0 and 100");
    }
    byte[] secret = new byte[32];
    RANDOM.nextBytes(secret);
    String hex = "whsec_" + HexFormat.of().formatHex(secret);
    return store
        .save(new EmployerWebhook(employerId, url, hex, threshold, 0, false))
        .map(saved -> new Registered(url, threshold, hex, WebhookSignature.HEADER));
  }

  @GetMapping("/api/v1/employers/{employerId}/webhook")
  Mono<WebhookView> get(@PathVariable String employerId) {
    return store
        .of(employerId)
        .map(WebhookView::of)
        .switchIfEmpty(
            Mono.error(
                new ApiProblemException(
                    HttpStatus.NOT_FOUND, "No webhook is registered", java.util.List.of())));
  }

  @DeleteMapping("/api/v1/employers/{employerId}/webhook")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> remove(@PathVariable String employerId) {
    return store.remove(employerId);
  }

  private String checkedUrl(String url) {
    if (url == null || url.isBlank()) {
      throw ApiProblemException.invalid("url", "is required");
    }
    try {
      URI uri = new URI(url.strip());
      boolean https = "https".equals(uri.getScheme());
      boolean http = "http".equals(uri.getScheme()) && settings.allowHttpWebhooks();
      if (uri.getHost() == null || !(https || http)) {
        throw ApiProblemException.invalid(
            "url", "must be an absolute https URL, such as https://example.org/skillway");
      }
      return uri.toString();
    } catch (URISyntaxException e) {
      throw ApiProblemException.invalid("url", "is not a valid URL: " + e.getReason());
    }
  }
}
