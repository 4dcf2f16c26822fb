package org.skillway.notification.privacy;

import java.time.Clock;
import org.skillway.notification.delivery.DeliveryStore;
import org.skillway.notification.notify.InAppNotifications;
import org.skillway.notification.preference.PreferenceStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Forgets a person: their in-app notifications, every delivery to them (e-mails, digests,
 * invitations, in any state), their preferences with their e-mail address and any unsubscribe, and
 * what employers' webhook deliveries said about them ({@link DeliveryStore#forgetPerson}). The
 * tombstone is written first, so that a match event handled meanwhile either sees it or has its
 * writes deleted here. Running it again changes nothing.
 */
@Component
public class ProfileEraser {
  private static final Logger log = LoggerFactory.getLogger(ProfileEraser.class);

  private final ErasedProfiles erased;
  private final InAppNotifications inApp;
  private final DeliveryStore deliveries;
  private final PreferenceStore preferences;
  private final Clock clock;

  ProfileEraser(
      ErasedProfiles erased,
      InAppNotifications inApp,
      DeliveryStore deliveries,
      PreferenceStore preferences,
      Clock clock) {
    this.erased = erased;
    this.inApp = inApp;
    this.deliveries = deliveries;
    this.preferences = preferences;
    this.clock = clock;
  }

  public Mono<Void> erase(String profileId) {
    return erased
        .record(profileId, clock.instant())
        .then(forget(profileId))
        .doOnSuccess(done -> log.info("erased what was held about profile {}", profileId));
  }

  /** Deletes what is held about an erased person; also run after a write that raced an erasure. */
  public Mono<Void> forget(String profileId) {
    return inApp
        .forget(profileId)
        .then(deliveries.forgetPerson(profileId))
        .then(preferences.forget(profileId));
  }
}
