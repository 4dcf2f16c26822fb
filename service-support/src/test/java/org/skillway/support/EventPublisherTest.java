package org.skillway.support;

import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillway.events.EventCodec;
import org.skillway.events.EventMetadata;
import org.skillway.events.MatchData;
import org.skillway.events.MatchFound;
import org.skillway.events.Topic;
import reactor.test.StepVerifier;

class EventPublisherTest {
  @Test
  void aServiceCannotWriteToATopicItDoesNotOwn() {
    // No template is needed: the refusal comes before anything is sent.
    EventPublisher ingest = new EventPublisher(null, new EventCodec(), Topic.Writer.INGEST);
    MatchFound match =
        new MatchFound(
            EventMetadata.next("p:v", 1, Instant.parse("2026-11-28T10:00:00Z")),
            new MatchData("p", "v", "acme", "Analyst", 80, List.of("sql"), List.of()));

    StepVerifier.create(ingest.publish(match))
        .expectErrorMessage("INGEST may not write to skillway.matches.v1")
        .verify();
  }
}
