package org.skillway.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import org.junit.jupiter.api.Test;

class ExpectedDeliveriesTest {
  private static final Instant NOW = Instant.parse("2026-12-01T09:00:00Z");

  @Test
  void onlyWhatIsDueIsTakenSoonestFirstAndAtMostTheLimit() {
    ExpectedDeliveries expected = new ExpectedDeliveries(10);
    expected.expect("later", NOW.plusSeconds(60));
    expected.expect("second", NOW.minusSeconds(5));
    expected.expect("first", NOW.minusSeconds(30));
    expected.expect("third", NOW);

    assertThat(expected.takeDue(NOW, 2)).containsExactly("first", "second");
    assertThat(expected.takeDue(NOW, 2)).containsExactly("third");
    assertThat(expected.takeDue(NOW, 2)).isEmpty();
    assertThat(expected.takeDue(NOW.plusSeconds(60), 2)).containsExactly("later");
  }

  @Test
  void aDeliveryRescheduledBeforeItWasTakenIsTakenOnce() {
    ExpectedDeliveries expected = new ExpectedDeliveries(10);
    expected.expect("retried", NOW.minusSeconds(10));
    expected.expect("retried", NOW.minusSeconds(1));

    assertThat(expected.takeDue(NOW, 10)).containsExactly("retried");
  }

  @Test
  void beyondItsCapacityItSaysSomeWereMissedSoTheStoreIsSearched() {
    ExpectedDeliveries expected = new ExpectedDeliveries(2);
    expected.expect("a", NOW);
    expected.expect("b", NOW);
    assertThat(expected.missedSomeSinceAsked()).isFalse();

    expected.expect("c", NOW);

    assertThat(expected.missedSomeSinceAsked()).isTrue();
    assertThat(expected.missedSomeSinceAsked()).isFalse();
    assertThat(expected.takeDue(NOW, 10)).containsExactly("a", "b");
  }

  @Test
  void itKnowsWhichItHoldsUntilTheyAreTaken() {
    ExpectedDeliveries expected = new ExpectedDeliveries(10);
    expected.expect("due", NOW.minusSeconds(1));
    expected.expect("retried", NOW.minusSeconds(1));
    expected.expect("retried", NOW.plusSeconds(60));

    assertThat(expected.holds("due")).isTrue();
    assertThat(expected.holds("planned elsewhere")).isFalse();

    expected.takeDue(NOW, 10);

    assertThat(expected.holds("due")).isFalse();
    assertThat(expected.holds("retried")).as("still due again later").isTrue();
  }
}
