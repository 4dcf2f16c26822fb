package org.skillway.notification.delivery;

import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalTime;
import java.time.ZonedDateTime;
import java.time.temporal.TemporalAdjusters;
import java.util.ArrayList;
import java.util.List;
import java.util.function.Function;
import org.skillway.events.MatchClosure;
import org.skillway.events.MatchData;
import org.skillway.events.MatchEvent;
import org.skillway.events.MatchFound;
import org.skillway.events.MatchUpdated;
import org.skillway.events.MatchWithdrawn;
import org.skillway.notification.email.EmailText;
import org.skillway.notification.preference.Channel;
import org.skillway.notification.preference.Frequency;
import org.skillway.notification.preference.Preferences;
import org.skillway.notification.preference.QuietHours;
import org.skillway.notification.webhook.EmployerWebhook;
import org.skillway.notification.webhook.WebhookPayload;

/**
 * Decides who hears about a match event, how and when; pure rules, no I/O.
 *
 * <ul>
 *   <li>The person, by e-mail, if they asked for e-mail and the score reaches their minimum:
 *       instantly (after their quiet hours, if it is quiet now), or in their daily (08:00) or
 *       weekly (Monday 08:00) digest, UK time.
 *   <li>The employer, by a name-blind webhook, if they registered one and the score reaches their
 *       threshold.
 *   <li>A withdrawal cancels whatever is still pending for the match (the caller does that) and
 *       tells, in plain words, whoever had already been told about it.
 * </ul>
 */
public final class DeliveryPlanner {
  static final LocalTime DIGEST_TIME = LocalTime.of(8, 0);

  private final EmailText email;
  private final Function<WebhookPayload, String> json;

  public DeliveryPlanner(EmailText email, Function<WebhookPayload, String> json) {
    this.email = email;
    this.json = json;
  }

  /**
   * @param hook the employer's webhook, or null
   * @param personEmailed whether the person was already e-mailed about this match
   * @param employerTold whether the employer's webhook already had this match
   */
  public List<Delivery> plan(
      MatchEvent event,
      Preferences person,
      EmployerWebhook hook,
      boolean personEmailed,
      boolean employerTold,
      Instant now) {
    String matchId = event.metadata().aggregateId();
    long version = event.metadata().aggregateVersion();
    Instant matchedAt = event.metadata().occurredAt();
    List<Delivery> deliveries = new ArrayList<>();
    if (event instanceof MatchWithdrawn withdrawn) {
      MatchClosure closure = withdrawn.closure();
      if (personEmailed && person.wants(Channel.EMAIL) && !closure.personErased()) {
        EmailText.Email text = email.withdrawn(closure);
        deliveries.add(emailDelivery(matchId, version, person, matchedAt, now, text));
      }
      if (employerTold && hook != null) {
        deliveries.add(
            webhook(
                matchId,
                version,
                closure.employerId(),
                matchedAt,
                now,
                WebhookPayload.withdrawn(event, closure)));
      }
      return deliveries;
    }
    MatchData match =
        event instanceof MatchFound found ? found.match() : ((MatchUpdated) event).match();
    boolean changed = event instanceof MatchUpdated;
    if (person.wants(Channel.EMAIL) && match.score() >= person.minimumScore()) {
      deliveries.add(
          emailDelivery(matchId, version, person, matchedAt, now, email.found(match, changed)));
    }
    if (hook != null && match.score() >= hook.threshold()) {
      deliveries.add(
          webhook(
              matchId,
              version,
              match.employerId(),
              matchedAt,
              now,
              WebhookPayload.of(event, match)));
    }
    return deliveries;
  }

  private Delivery emailDelivery(
      String matchId,
      long version,
      Preferences person,
      Instant matchedAt,
      Instant now,
      EmailText.Email text) {
    boolean digest = person.frequency() != Frequency.INSTANT;
    Instant due = digest ? nextDigest(person.frequency(), now) : now;
    if (person.quietHours() != null) {
      due = person.quietHours().nextAllowed(due);
    }
    return Delivery.pending(
        matchId,
        version,
        Channel.EMAIL,
        person.profileId(),
        due,
        matchedAt,
        text.subject(),
        text.text(),
        text.html(),
        digest);
  }

  private Delivery webhook(
      String matchId,
      long version,
      String employerId,
      Instant matchedAt,
      Instant now,
      WebhookPayload payload) {
    return Delivery.pending(
        matchId,
        version,
        Channel.WEBHOOK,
        employerId,
        now,
        matchedAt,
        payload.type(),
        json.apply(payload),
        null,
        false);
  }

  /** The next 08:00 UK time after {@code now}; for a weekly digest, the next Monday's. */
  static Instant nextDigest(Frequency frequency, Instant now) {
    ZonedDateTime local = now.atZone(QuietHours.UK);
    ZonedDateTime next = local.with(DIGEST_TIME);
    if (!next.isAfter(local)) {
      next = next.plusDays(1);
    }
    if (frequency == Frequency.WEEKLY) {
      next = next.with(TemporalAdjusters.nextOrSame(DayOfWeek.MONDAY)).with(DIGEST_TIME);
    }
    return next.toInstant();
  }
}
