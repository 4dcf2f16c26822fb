package org.skillway.matching.match;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.skillway.events.EventMetadata;
import org.skillway.events.EventType;
import org.skillway.events.MatchClosure;
import org.skillway.events.MatchData;
import org.skillway.events.MatchEvent;
import org.skillway.events.MatchFound;
import org.skillway.events.MatchUpdated;
import org.skillway.events.MatchWithdrawn;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A match as stored: its latest state, the event that state calls for, and whether that event has
 * been published (a small outbox: the state is written first, the event published after, the flag
 * set last, so a crash in between republishes rather than loses it).
 *
 * @param version counts the match's changes; each change is one event
 * @param match the latest scored match (kept when withdrawn, to show what was withdrawn)
 * @param closure why it was withdrawn, when it was
 */
@Document("matches")
public record StoredMatch(
    @Id String id,
    String profileId,
    String vacancyId,
    String employerId,
    long version,
    MatchStatus status,
    MatchData match,
    MatchClosure closure,
    EventType eventType,
    Instant changedAt,
    boolean published) {

  /** A match found for the first time: version 1, its event not yet published. */
  static StoredMatch found(MatchData match, Instant at) {
    return new StoredMatch(
        match.matchId(),
        match.profileId(),
        match.vacancyId(),
        match.employerId(),
        1,
        MatchStatus.ACTIVE,
        match,
        null,
        EventType.MATCH_FOUND,
        at,
        false);
  }

  /**
   * The event for this version. Its id derives from the match id and version, so a republished
   * event is identical and consumers drop the repeat.
   */
  MatchEvent toEvent() {
    UUID eventId = UUID.nameUUIDFromBytes((id + "#" + version).getBytes(StandardCharsets.UTF_8));
    EventMetadata metadata = new EventMetadata(eventId, changedAt, id, version);
    return switch (eventType) {
      case MATCH_FOUND -> new MatchFound(metadata, match);
      case MATCH_UPDATED -> new MatchUpdated(metadata, match);
      case MATCH_WITHDRAWN -> new MatchWithdrawn(metadata, closure);
      default -> throw new IllegalStateException("not a match event: " + eventType);
    };
  }
}
