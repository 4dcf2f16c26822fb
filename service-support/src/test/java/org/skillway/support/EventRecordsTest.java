package org.skillway.support;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Instant;
import java.util.List;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.junit.jupiter.api.Test;
import org.skillway.events.EventCodec;
import org.skillway.events.EventMetadata;
import org.skillway.events.InvalidEventException;
import org.skillway.events.Pathway;
import org.skillway.events.ProfileData;
import org.skillway.events.ProfileSubmitted;
import org.skillway.events.SkillLevel;
import org.skillway.events.VacancyPublished;

class EventRecordsTest {
  private final EventCodec codec = new EventCodec();
  private final ProfileSubmitted profile =
      new ProfileSubmitted(
          EventMetadata.next("p-1", 1, Instant.parse("2026-11-28T10:00:00Z")),
          new ProfileData(Pathway.STUDENT, List.of(new SkillLevel("sql", 2)), "M1", true));

  private ConsumerRecord<String, byte[]> record(String key) {
    return new ConsumerRecord<>("skillway.profiles.v1", 0, 0L, key, codec.encode(profile));
  }

  @Test
  void aRecordOfTheExpectedTypeAndKeyIsRead() {
    assertThat(EventRecords.decode(codec, record("p-1"), ProfileSubmitted.class))
        .isEqualTo(profile);
  }

  @Test
  void anEventOfAnotherTypeIsRefusedNamingTheTopic() {
    assertThatThrownBy(() -> EventRecords.decode(codec, record("p-1"), VacancyPublished.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("ProfileSubmitted does not belong on skillway.profiles.v1");
  }

  @Test
  void aRecordKeyedDifferentlyFromItsEventIsRefused() {
    assertThatThrownBy(() -> EventRecords.decode(codec, record("p-2"), ProfileSubmitted.class))
        .isInstanceOf(InvalidEventException.class)
        .hasMessage("record key 'p-2' differs from the event's key 'p-1'");
  }
}
