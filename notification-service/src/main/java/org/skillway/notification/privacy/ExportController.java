package org.skillway.notification.privacy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.skillway.notification.delivery.Delivery;
import org.skillway.notification.delivery.DeliveryStore;
import org.skillway.notification.notify.InAppNotification;
import org.skillway.notification.notify.InAppNotifications;
import org.skillway.notification.preference.PreferenceStore;
import org.skillway.notification.preference.Preferences;
import org.skillway.notification.webhook.EmployerWebhook;
import org.skillway.notification.webhook.WebhookStore;
import org.skillway.support.Role;
import org.skillway.support.SecurityDefaults;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * {@code GET /api/v1/me/export}: everything this service holds about the caller, read from their
 * own token (subject and role). A student gets their notifications, preferences and the e-mails
 * addressed to them; an employer their webhook registration and the deliveries to it. Never a
 * signing secret, an unsubscribe token or a claim link. Anyone else gets the envelope alone.
 */
@RestController
class ExportController {
  static final String SERVICE = "notification-service";

  private final InAppNotifications inApp;
  private final PreferenceStore preferences;
  private final DeliveryStore deliveries;
  private final WebhookStore webhooks;
  private final Clock clock;

  ExportController(
      InAppNotifications inApp,
      PreferenceStore preferences,
      DeliveryStore deliveries,
      WebhookStore webhooks,
      Clock clock) {
    this.inApp = inApp;
    this.preferences = preferences;
    this.deliveries = deliveries;
    this.webhooks = webhooks;
    this.clock = clock;
  }

  /**
   * @param preferences the person's stored choices, or null if they made none
   * @param webhook the employer's registration, or null
   */
  record Export(
      String service,
      String subject,
      String role,
      Instant exportedAt,
      List<InAppNotification> notifications,
      Preferences preferences,
      List<DeliveryView> deliveries,
      WebhookView webhook) {}

  /**
   * One delivery as its recipient may see it. An invitation's text is left out: it holds a claim
   * link, a credential.
   *
   * @param address for an invitation, the address it went to
   * @param text the plain-text e-mail, or the webhook's JSON body
   */
  record DeliveryView(
      String id,
      String channel,
      String state,
      Instant dueAt,
      int attempts,
      String lastError,
      String subject,
      String text,
      boolean digest,
      String address) {
    static DeliveryView of(Delivery d) {
      return new DeliveryView(
          d.id(),
          d.channel().name(),
          d.state().name(),
          d.dueAt(),
          d.attempts(),
          d.lastError(),
          d.subject(),
          d.isInvitation() ? null : d.body(),
          d.digest(),
          d.address());
    }
  }

  /** An employer's webhook registration: never the secret. */
  record WebhookView(String url, int threshold, boolean paused, int consecutiveFailures) {
    static WebhookView of(EmployerWebhook hook) {
      return new WebhookView(
          hook.url(), hook.threshold(), hook.paused(), hook.consecutiveFailures());
    }
  }

  @GetMapping("/api/v1/me/export")
  Mono<Export> export(Authentication caller) {
    String subject = caller.getName();
    Optional<Role> role = SecurityDefaults.roleOf(caller);
    Instant now = clock.instant();
    if (role.equals(Optional.of(Role.STUDENT))) {
      return Mono.zip(
              inApp.allOf(subject).collectList(),
              preferences.stored(subject).map(Optional::of).defaultIfEmpty(Optional.empty()),
              deliveries.toPerson(subject).map(DeliveryView::of).collectList())
          .map(
              t ->
                  new Export(
                      SERVICE,
                      subject,
                      Role.STUDENT.name(),
                      now,
                      t.getT1(),
                      t.getT2().orElse(null),
                      t.getT3(),
                      null));
    }
    if (role.equals(Optional.of(Role.EMPLOYER))) {
      return Mono.zip(
              webhooks
                  .of(subject)
                  .map(hook -> Optional.of(WebhookView.of(hook)))
                  .defaultIfEmpty(Optional.empty()),
              deliveries.toEmployer(subject).map(DeliveryView::of).collectList())
          .map(
              t ->
                  new Export(
                      SERVICE,
                      subject,
                      Role.EMPLOYER.name(),
                      now,
                      List.of(),
                      null,
                      t.getT2(),
                      t.getT1().orElse(null)));
    }
    return Mono.just(
        new Export(
            SERVICE,
            subject,
            role.map(Role::name).orElse(null),
            now,
            List.of(),
            null,
            List.of(),
            null));
  }

  /** From the authorities the token's {@code role} claim became, e.g. {@code ROLE_EMPLOYER}. */
}
