package org.skillway.notification.delivery;

import java.time.Instant;
import org.skillway.notification.preference.Channel;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One notification to send, stored before it is sent so that a restart resumes it. The id, {@code
 * <matchId>#<version>#<channel>}, is unique: a redelivered or replayed match event finds it taken,
 * which is what makes each notification happen once.
 *
 * @param recipient the profile id (e-mail) or the employer id (webhook); the address or URL is
 *     looked up when sending, so a change of address or an unsubscribe in between is honoured
 * @param matchedAt when the match event happened, for the delivery-latency histogram
 * @param subject e-mail subject, or the webhook event type
 * @param body the plain-text e-mail, or the webhook's JSON body
 * @param html the HTML e-mail (absent for webhooks)
 * @param digest gathered with the person's other digest items into one e-mail at {@code dueAt}
 * @param address for an invitation only: the address the university gave, used instead of the
 *     person's preferences (they have none yet)
 */
@Document("deliveries")
public record Delivery(
    @Id String id,
    String matchId,
    long matchVersion,
    Channel channel,
    String recipient,
    State state,
    Instant dueAt,
    int attempts,
    String lastError,
    Instant matchedAt,
    String subject,
    String body,
    String html,
    boolean digest,
    Instant leaseUntil,
    String address) {

  public enum State {
    /** Waiting for {@code dueAt}. */
    PENDING,
    /** Claimed by a sender until {@code leaseUntil}; a crashed sender's claim runs out. */
    SENDING,
    SENT,
    /** Gave up after the configured number of attempts. */
    FAILED,
    /** The match was withdrawn before this was sent. */
    CANCELLED
  }

  public static String id(String matchId, long version, Channel channel) {
    return matchId + "#" + version + "#" + channel;
  }

  static Delivery pending(
      String matchId,
      long version,
      Channel channel,
      String recipient,
      Instant dueAt,
      Instant matchedAt,
      String subject,
      String body,
      String html,
      boolean digest) {
    return new Delivery(
        id(matchId, version, channel),
        matchId,
        version,
        channel,
        recipient,
        State.PENDING,
        dueAt,
        0,
        null,
        matchedAt,
        subject,
        body,
        html,
        digest,
        null,
        null);
  }

  /**
   * An invitation to claim an account, sent once per invitation: its id is {@code
   * invitation:<profileId>#<number>#EMAIL}.
   */
  public static Delivery invitation(
      String profileId,
      long number,
      String address,
      String subject,
      String body,
      String html,
      Instant dueAt) {
    String key = "invitation:" + profileId;
    return new Delivery(
        id(key, number, Channel.EMAIL),
        key,
        number,
        Channel.EMAIL,
        profileId,
        State.PENDING,
        dueAt,
        0,
        null,
        null,
        subject,
        body,
        html,
        false,
        null,
        address);
  }

  /** The same e-mail, gathered with the person's other items due into one (see the Dispatcher). */
  Delivery gathered() {
    return new Delivery(
        id,
        matchId,
        matchVersion,
        channel,
        recipient,
        state,
        dueAt,
        attempts,
        lastError,
        matchedAt,
        subject,
        body,
        html,
        true,
        leaseUntil,
        address);
  }

  /** An invitation: its text holds a single-use link, dropped once it is sent or given up. */
  public boolean isInvitation() {
    return address != null;
  }
}
