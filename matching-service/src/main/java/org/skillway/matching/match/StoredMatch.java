package org.skillway.matching.match;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.skillway.events.EventMetadata;
import org.skillway.events.MatchData;
import org.skillway.events.MatchFound;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A match as stored, with whether its event has been published (a small outbox: the match is
 * written first, the event published after, and the flag set last, so a crash in between
 * republishes rather than loses it).
 */
@Document("matches")
record StoredMatch(
    @Id String id, long version, MatchData match, Instant createdAt, boolean published) {

  /**
   * The event for this version of the match. Its id is derived from the match id and version, so a
   * republished event is identical and consumers drop the repeat.
   */
  MatchFound toEvent() {
    UUID eventId = UUID.nameUUIDFromBytes((id + "#" + version).getBytes(StandardCharsets.UTF_8));
    return new MatchFound(new EventMetadata(eventId, createdAt, id, version), match);
  }
}
