package org.skillway.notification.delivery;

import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;
import org.skillway.events.MatchData;
import org.skillway.events.MatchEvent;
import org.skillway.events.MatchFound;
import org.skillway.events.MatchUpdated;
import org.skillway.events.MatchWithdrawn;
import org.skillway.notification.notify.InAppNotifications;
import org.skillway.notification.preference.Channel;
import org.skillway.notification.preference.PreferenceStore;
import org.skillway.notification.preference.Preferences;
import org.skillway.notification.privacy.ErasedProfiles;
import org.skillway.notification.privacy.ProfileEraser;
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
 *
 * <p>Nothing is stored about an erased person: a match found or updated for them is dropped whole;
 * a withdrawal only tells, name-blind, an employer who had been told about the match.
 */
@Component
public class MatchNotifier {
  private final PreferenceStore preferences;
  private final WebhookStore webhooks;
  private final DeliveryStore deliveries;
  private final InAppNotifications inApp;
  private final DeliveryPlanner planner;
  private final Clock clock;
  private final ErasedProfiles erased;
  private final ProfileEraser eraser;

  MatchNotifier(
      PreferenceStore preferences,
      WebhookStore webhooks,
      DeliveryStore deliveries,
      InAppNotifications inApp,
      DeliveryPlanner planner,
      Clock clock,
      ErasedProfiles erased,
      ProfileEraser eraser) {
    this.erased = erased;
    this.eraser = eraser;
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
    return erased
        .isErased(profileId)
        .flatMap(
            gone -> {
              if (!gone) {
                return notify(event, profileId, employerId, match)
                    // An erasure handled meanwhile may have missed these writes.
                    .then(erased.isErased(profileId))
                    .flatMap(late -> late ? eraser.forget(profileId) : Mono.empty());
              }
              return withdrawn ? tellEmployerOnly(event, profileId, employerId) : Mono.empty();
            });
  }

  /**
   * Whether an event is a match found for the first time (version 1): nothing can have been sent or
   * planned for an earlier version, so a burst of them can be handled together by {@link
   * #onNewMatches}.
   */
  public static boolean isNewMatch(MatchEvent event) {
    return event instanceof MatchFound && event.metadata().aggregateVersion() == 1;
  }

  /**
   * Handles matches found for the first time (see {@link #isNewMatch}) as {@link #onMatchEvent}
   * handles each, in a fixed number of round trips however many there are: one look-up each of the
   * erased among the people, their preferences and the employers' webhooks, one bulk of in-app
   * notifications, one of planned deliveries, and a last look for erasures handled meanwhile.
   */
  public Mono<Void> onNewMatches(List<MatchFound> found) {
    if (found.isEmpty()) {
      return Mono.empty();
    }
    Set<String> people = new LinkedHashSet<>();
    Set<String> employers = new LinkedHashSet<>();
    for (MatchFound event : found) {
      people.add(event.match().profileId());
      employers.add(event.match().employerId());
    }
    return Mono.zip(
            erased.erasedAmong(people), preferences.ofAll(people), webhooks.ofAll(employers))
        .flatMap(
            looked -> {
              Set<String> gone = looked.getT1();
              List<MatchFound> toTell = new ArrayList<>();
              List<Delivery> planned = new ArrayList<>();
              Instant now = clock.instant();
              for (MatchFound event : found) {
                MatchData match = event.match();
                if (gone.contains(match.profileId())) {
                  continue; // nothing is stored about an erased person
                }
                Preferences person = looked.getT2().get(match.profileId());
                if (person.wants(Channel.IN_APP) && match.score() >= person.minimumScore()) {
                  toTell.add(event);
                }
                planned.addAll(
                    planner.plan(
                        event, person, looked.getT3().get(match.employerId()), false, false, now));
              }
              return inApp
                  .notifyAll(toTell)
                  .then(deliveries.addAll(oneEmailEach(planned)))
                  // An erasure handled meanwhile may have missed these writes.
                  .then(erased.erasedAmong(people))
                  .flatMapMany(late -> Flux.fromIterable(late))
                  .filter(late -> !gone.contains(late))
                  .concatMap(eraser::forget)
                  .then();
            });
  }

  /**
   * A person told of several new matches at once (a cohort loaded, a profile that now reaches many
   * roles) gets one e-mail listing them, not one each: their instant e-mails of the burst become
   * items the dispatcher gathers into one, due when each was.
   */
  private static List<Delivery> oneEmailEach(List<Delivery> planned) {
    Map<String, Long> instantEmails =
        planned.stream()
            .filter(d -> d.channel() == Channel.EMAIL && !d.digest())
            .collect(Collectors.groupingBy(Delivery::recipient, Collectors.counting()));
    return planned.stream()
        .map(
            d ->
                d.channel() == Channel.EMAIL && !d.digest() && instantEmails.get(d.recipient()) > 1
                    ? d.gathered()
                    : d)
        .toList();
  }

  /** A withdrawal for an erased person: the employer is told if they had been; nothing else. */
  private Mono<Void> tellEmployerOnly(MatchEvent event, String profileId, String employerId) {
    String matchId = event.metadata().aggregateId();
    return Mono.zip(
            webhooks.of(employerId).map(Optional::of).defaultIfEmpty(Optional.empty()),
            deliveries.wasSent(matchId, event.metadata().aggregateVersion(), Channel.WEBHOOK))
        .flatMapMany(
            found ->
                Flux.fromIterable(
                    planner.plan(
                        event,
                        Preferences.defaults(profileId),
                        found.getT1().orElse(null),
                        false,
                        found.getT2(),
                        clock.instant())))
        .filter(d -> d.channel() == Channel.WEBHOOK)
        .concatMap(deliveries::add)
        .then(deliveries.forgetReceipts(matchId));
  }

  private Mono<Void> notify(
      MatchEvent event, String profileId, String employerId, MatchData match) {
    String matchId = event.metadata().aggregateId();
    boolean withdrawn = event instanceof MatchWithdrawn;
    return Mono.zip(
            preferences.of(profileId),
            webhooks.of(employerId).map(Optional::of).defaultIfEmpty(Optional.empty()),
            deliveries.wasSent(matchId, event.metadata().aggregateVersion(), Channel.EMAIL),
            deliveries.wasSent(matchId, event.metadata().aggregateVersion(), Channel.WEBHOOK))
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
