package org.skillway.notification.delivery;

import java.time.Clock;
import java.util.Optional;
import org.skillway.events.MatchData;
import org.skillway.events.MatchEvent;
import org.skillway.events.MatchFound;
import org.skillway.events.MatchUpdated;
import org.skillway.events.MatchWithdrawn;
import org.skillway.notification.notify.InAppNotifications;
import org.skillway.notification.preference.Channel;
import org.skillway.notification.preference.PreferenceStore;
import org.skillway.notification.preference.Preferences;
import org.skillway.notification.webhook.EmployerWebhook;
import org.skillway.notification.webhook.WebhookStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What happens when a match event arrives: a withdrawal first cancels what is still pending for the
 * match; the person gets an in-app notification (if they keep that channel and the score reaches
 * their minimum); then the e-mail and webhook deliveries the planner decides on are stored, for the
 * dispatcher to send. Storing under a unique id makes a redelivered event change nothing.
 */
@Component
public class MatchNotifier {
  private final PreferenceStore preferences;
  private final WebhookStore webhooks;
  private final DeliveryStore deliveries;
  private final InAppNotifications inApp;
  private final DeliveryPlanner planner;
  private final Clock clock;

  MatchNotifier(
      PreferenceStore preferences,
      WebhookStore webhooks,
      DeliveryStore deliveries,
      InAppNotifications inApp,
      DeliveryPlanner planner,
      Clock clock) {
    this.preferences = preferences;
    this.webhooks = webhooks;
    this.deliveries = deliveries;
    this.inApp = inApp;
    this.planner = planner;
    this.clock = clock;
  }

  public Mono<Void> onMatchEvent(MatchEvent event) {
    String matchId = event.metadata().aggregateId();
    boolean withdrawn = event instanceof MatchWithdrawn;
    MatchData match =
        withdrawn
            ? null
            : event instanceof MatchFound found ? found.match() : ((MatchUpdated) event).match();
    String profileId =
        withdrawn ? ((MatchWithdrawn) event).closure().profileId() : match.profileId();
    String employerId =
        withdrawn ? ((MatchWithdrawn) event).closure().employerId() : match.employerId();
    return Mono.zip(
            preferences.of(profileId),
            webhooks.of(employerId).map(Optional::of).defaultIfEmpty(Optional.empty()),
            deliveries.wasSent(matchId, Channel.EMAIL),
            deliveries.wasSent(matchId, Channel.WEBHOOK))
        .flatMap(
            found -> {
              Preferences person = found.getT1();
              EmployerWebhook hook = found.getT2().orElse(null);
              Mono<Void> cancel =
                  withdrawn ? deliveries.cancelPending(matchId).then() : Mono.empty();
              boolean tellInApp =
                  person.wants(Channel.IN_APP)
                      && (withdrawn
                          ? !((MatchWithdrawn) event).closure().personErased()
                          : match.score() >= person.minimumScore());
              Mono<Void> inAppStep = tellInApp ? inApp.notify(event) : Mono.empty();
              var planned =
                  planner.plan(event, person, hook, found.getT3(), found.getT4(), clock.instant());
              return cancel
                  .then(inAppStep)
                  .then(Flux.fromIterable(planned).concatMap(deliveries::add).then());
            });
  }
}
