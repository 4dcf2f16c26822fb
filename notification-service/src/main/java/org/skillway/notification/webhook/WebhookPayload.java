package org.skillway.notification.webhook;

import java.time.Instant;
import java.util.List;
import org.skillway.events.MatchClosure;
import org.skillway.events.MatchData;
import org.skillway.events.MatchEvent;
import org.skillway.events.ScorePart;
import org.skillway.events.TransferableSkill;
import org.skillway.events.WithdrawalReason;

/**
 * The JSON body of a webhook request. Name-blind: a candidate is an opaque reference with a score
 * and the skills behind it, never a name or contact details.
 *
 * @param type {@code MatchFound}, {@code MatchUpdated} or {@code MatchWithdrawn}
 * @param employerName the employer's display name as its vacancy carried it; absent if none
 * @param candidate the profile id, an opaque reference
 * @param reason why a match was withdrawn, by its name ({@code VACANCY_CLOSED}, {@code
 *     NO_LONGER_MATCHES}, {@code CONSENT_WITHDRAWN} or {@code PROFILE_ERASED}); absent otherwise
 */
public record WebhookPayload(
    String eventId,
    String type,
    Instant occurredAt,
    String matchId,
    String vacancyId,
    String vacancyTitle,
    String employerName,
    String candidate,
    Integer score,
    List<ScorePart> parts,
    List<String> matchedSkills,
    List<String> missingSkills,
    List<TransferableSkill> transferableSkills,
    WithdrawalReason reason) {

  public static WebhookPayload of(MatchEvent event, MatchData match) {
    return new WebhookPayload(
        event.metadata().eventId().toString(),
        event.type().wireName(),
        event.metadata().occurredAt(),
        match.matchId(),
        match.vacancyId(),
        match.vacancyTitle(),
        match.employerName(),
        match.profileId(),
        match.score(),
        match.parts(),
        match.matchedSkills(),
        match.missingSkills(),
        match.transferableSkills(),
        null);
  }

  public static WebhookPayload withdrawn(MatchEvent event, MatchClosure closure) {
    return new WebhookPayload(
        event.metadata().eventId().toString(),
        event.type().wireName(),
        event.metadata().occurredAt(),
        event.metadata().aggregateId(),
        closure.vacancyId(),
        closure.vacancyTitle(),
        null,
        closure.profileId(),
        null,
        null,
        null,
        null,
        null,
        closure.reason());
  }
}
