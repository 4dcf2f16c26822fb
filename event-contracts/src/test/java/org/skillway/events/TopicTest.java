package org.skillway.events;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Arrays;
import org.junit.jupiter.api.Test;

class TopicTest {
  @Test
  void everySourceTopicThatIsConsumedHasANamedDeadLetterTopicWrittenByItsConsumer() {
    assertThat(Topic.PROFILES_DEAD_LETTERS.deadLetterSource()).contains(Topic.PROFILES);
    assertThat(Topic.VACANCIES_DEAD_LETTERS.deadLetterSource()).contains(Topic.VACANCIES);
    assertThat(Topic.MATCHES_DEAD_LETTERS.deadLetterSource()).contains(Topic.MATCHES);
    assertThat(Topic.MATCHES_DEAD_LETTERS.writer()).isEqualTo(Topic.Writer.NOTIFICATION);
    assertThat(Topic.INVITATIONS_DEAD_LETTERS.deadLetterSource()).contains(Topic.INVITATIONS);
    assertThat(Topic.INVITATIONS_DEAD_LETTERS.writer()).isEqualTo(Topic.Writer.NOTIFICATION);
    assertThat(Topic.PROFILES_DEAD_LETTERS.writer()).isEqualTo(Topic.Writer.MATCHING);
    assertThat(Topic.PROFILES_NOTIFICATION_DEAD_LETTERS.deadLetterSource())
        .contains(Topic.PROFILES);
    // Every service reads revocations, so each parks its own poison ones.
    assertThat(
            java.util.Arrays.stream(Topic.values())
                .filter(t -> t.deadLetterSource().equals(java.util.Optional.of(Topic.ACCESS)))
                .map(Topic::writer))
        .containsExactlyInAnyOrder(Topic.Writer.values());
  }

  @Test
  void revocationsAreKeptLongerThanAnyTokenLivesButNotForTheBrokersDefaultWeek() {
    assertThat(Topic.ACCESS.retention()).contains(java.time.Duration.ofDays(1));
    assertThat(Topic.ACCESS.compacted()).isFalse();
  }

  @Test
  void topicNamesAreUniqueLowercaseAndVersioned() {
    assertThat(Arrays.stream(Topic.values()).map(Topic::topicName))
        .doesNotHaveDuplicates()
        .allSatisfy(name -> assertThat(name).matches("skillway\\.[a-z]+\\.v[0-9]+(\\.[a-z-]+)?"));
  }

  @Test
  void stateTopicsAreCompactedAndMatchesAreNot() {
    assertThat(Topic.PROFILES.compacted()).isTrue();
    assertThat(Topic.VACANCIES.compacted()).isTrue();
    assertThat(Topic.MATCHES.compacted()).isFalse();
    // An invitation carries a single-use secret: it is not kept as state.
    assertThat(Topic.INVITATIONS.compacted()).isFalse();
  }

  @Test
  void everyEventTypeHasASchemaOnTheClasspath() {
    for (EventType type : EventType.values()) {
      assertThat(getClass().getClassLoader().getResource(type.schemaResource()))
          .as(type.schemaResource())
          .isNotNull();
    }
  }
}
