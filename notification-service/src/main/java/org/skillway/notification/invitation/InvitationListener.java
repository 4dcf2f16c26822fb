package org.skillway.notification.invitation;

import java.time.Clock;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.skillway.events.EventCodec;
import org.skillway.events.InvalidEventException;
import org.skillway.events.InvitationIssued;
import org.skillway.notification.delivery.Delivery;
import org.skillway.notification.delivery.DeliveryStore;
import org.skillway.notification.email.EmailText;
import org.skillway.notification.privacy.ErasedProfiles;
import org.skillway.support.EventRecords;
import org.skillway.support.InvitationSeal;
import org.skillway.support.SecretsCheck;
import org.skillway.support.SkillwayProperties;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Consumes invitations and stores each as an e-mail delivery for the dispatcher, which sends it
 * with the same retries as any other e-mail. The delivery's id is unique per invitation, so a
 * redelivered event sends nothing twice. An invitation goes to the address the university gave,
 * whatever the person's preferences: it is how they get an account to have preferences in.
 */
@Component
class InvitationListener {
  private static final Duration PROCESSING_TIMEOUT = Duration.ofSeconds(30);

  private final EventCodec codec;
  private final DeliveryStore deliveries;
  private final Clock clock;
  private final InvitationSeal seal;
  private final ErasedProfiles erased;

  InvitationListener(
      EventCodec codec,
      DeliveryStore deliveries,
      Clock clock,
      SkillwayProperties platform,
      SecretsCheck secrets,
      ErasedProfiles erased) {
    this.erased = erased;
    this.codec = codec;
    this.deliveries = deliveries;
    this.clock = clock;
    secrets.require("skillway.security.invitation-key", platform.security().invitationKey());
    this.seal = new InvitationSeal(platform.security());
  }

  @KafkaListener(
      id = "notification-invitations",
      topics = "#{T(org.skillway.events.Topic).INVITATIONS.topicName()}",
      groupId = "${skillway.notification.group-id:skillway-notification}")
  void onInvitation(ConsumerRecord<String, byte[]> record) {
    InvitationIssued event = EventRecords.decode(codec, record, InvitationIssued.class);
    if (!clock.instant().isBefore(event.invitation().expiresAt())) {
      return; // a link that no longer works is not worth sending
    }
    InvitationSeal.Opened invitation;
    try {
      invitation = seal.open(event);
    } catch (IllegalArgumentException e) {
      // Sealed with another key, altered or moved: it can never be sent, so it is parked.
      throw new InvalidEventException("invitation cannot be opened: " + e.getMessage(), e);
    }
    // The name travels unsealed: it is no secret. An invitation from before names has none.
    EmailText.Email email = EmailText.invitation(invitation, event.invitation().universityName());
    Delivery delivery =
        Delivery.invitation(
            event.key(),
            event.metadata().aggregateVersion(),
            invitation.email(),
            email.subject(),
            email.text(),
            email.html(),
            clock.instant());
    // An invitation that arrives after the account was erased would bring the address back.
    erased
        .isErased(event.key())
        .flatMap(gone -> gone ? Mono.<Void>empty() : deliveries.add(delivery).then())
        .block(PROCESSING_TIMEOUT);
  }
}
