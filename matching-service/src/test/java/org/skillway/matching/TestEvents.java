package org.skillway.matching;

import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.UUID;
import org.skillway.events.EventCodec;
import org.skillway.events.EventMetadata;
import org.skillway.events.EventSchemas;
import org.skillway.events.ProfileSubmitted;
import org.skillway.events.SkillwayEvent;
import org.skillway.events.VacancyPublished;

/**
 * The published contract examples with fresh ids, as ingest-service would send them, so each test
 * works on its own people, vacancies and employer.
 */
final class TestEvents {
  static final EventCodec CODEC = new EventCodec();

  private TestEvents() {}

  static byte[] example(String name, String profileId, String vacancyId, String employerId) {
    String json =
        new String(EventSchemas.example(name), StandardCharsets.UTF_8)
            .replace("example-profile-1", profileId)
            .replace("example-vacancy-1", vacancyId)
            .replace("example-employer", employerId)
            .replace("2027-01-31", "2099-01-31")
            .replaceAll("\"eventId\": \"[^\"]+\"", "\"eventId\": \"" + UUID.randomUUID() + "\"");
    return json.getBytes(StandardCharsets.UTF_8);
  }

  static ProfileSubmitted profile(String profileId) {
    return (ProfileSubmitted)
        CODEC.decode(example("ProfileSubmitted.json", profileId, "unused", "unused"));
  }

  static VacancyPublished vacancy(String vacancyId, String employerId) {
    return (VacancyPublished)
        CODEC.decode(example("VacancyPublished.json", "unused", vacancyId, employerId));
  }

  /** The metadata of the aggregate's next version. */
  static EventMetadata next(SkillwayEvent event) {
    return new EventMetadata(
        UUID.randomUUID(),
        Instant.now(),
        event.metadata().aggregateId(),
        event.metadata().aggregateVersion() + 1);
  }

  static String id(String prefix) {
    return prefix + "-" + UUID.randomUUID();
  }
}
