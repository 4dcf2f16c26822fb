package org.skillway.notification.delivery;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Instant;
import java.time.LocalTime;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.skillway.events.EventMetadata;
import org.skillway.events.MatchClosure;
import org.skillway.events.MatchData;
import org.skillway.events.MatchFound;
import org.skillway.events.MatchWithdrawn;
import org.skillway.events.WithdrawalReason;
import org.skillway.notification.email.EmailText;
import org.skillway.notification.preference.Channel;
import org.skillway.notification.preference.Frequency;
import org.skillway.notification.preference.Preferences;
import org.skillway.notification.preference.QuietHours;
import org.skillway.notification.webhook.EmployerWebhook;

class DeliveryPlannerTest {
  static final Instant NOW = Instant.parse("2026-11-25T14:00:00Z"); // a Wednesday afternoon

  private final DeliveryPlanner planner =
      new DeliveryPlanner(new EmailText(id -> "label of " + id), payload -> payload.type());

  private static MatchFound found(int score) {
    MatchData match =
        new MatchData("p1", "v1", "acme", "Data analyst", score, List.of("sql"), List.of("python"));
    return new MatchFound(new EventMetadata(UUID.randomUUID(), NOW, "p1:v1", 2), match);
  }

  private static Preferences emailing(Frequency frequency, QuietHours quiet, int minimum) {
    return new Preferences(
        "p1", "p1@example.org", Set.of(Channel.IN_APP, Channel.EMAIL), frequency, quiet, minimum);
  }

  @Test
  void nobodyIsEmailedWithoutAskingAndNoWebhookWithoutRegistering() {
    assertThat(planner.plan(found(90), Preferences.defaults("p1"), null, false, false, NOW))
        .isEmpty();
  }

  @Test
  void anInstantEmailIsDueNowAndAWebhookOnlyAboveTheEmployersThreshold() {
    EmployerWebhook hook = new EmployerWebhook("acme", "https://acme.example/h", "s", 70, 0, false);

    List<Delivery> high =
        planner.plan(found(80), emailing(Frequency.INSTANT, null, 0), hook, false, false, NOW);
    List<Delivery> low =
        planner.plan(found(60), emailing(Frequency.INSTANT, null, 0), hook, false, false, NOW);

    assertThat(high)
        .extracting(Delivery::channel, Delivery::dueAt, Delivery::id)
        .containsExactly(
            org.assertj.core.groups.Tuple.tuple(Channel.EMAIL, NOW, "p1:v1#2#EMAIL"),
            org.assertj.core.groups.Tuple.tuple(Channel.WEBHOOK, NOW, "p1:v1#2#WEBHOOK"));
    assertThat(low).extracting(Delivery::channel).containsExactly(Channel.EMAIL);
  }

  @Test
  void aMatchBelowThePersonsMinimumIsNotEmailed() {
    assertThat(
            planner.plan(found(55), emailing(Frequency.INSTANT, null, 60), null, false, false, NOW))
        .isEmpty();
  }

  @Test
  void digestsWaitForEightInTheMorningUkTimeAndWeeklyOnesForMonday() {
    Delivery daily =
        planner.plan(found(80), emailing(Frequency.DAILY, null, 0), null, false, false, NOW).get(0);
    Delivery weekly =
        planner
            .plan(found(80), emailing(Frequency.WEEKLY, null, 0), null, false, false, NOW)
            .get(0);

    assertThat(daily.digest()).isTrue();
    assertThat(daily.dueAt()).isEqualTo(Instant.parse("2026-11-26T08:00:00Z"));
    assertThat(weekly.dueAt()).isEqualTo(Instant.parse("2026-11-30T08:00:00Z"));
  }

  @Test
  void quietHoursPushAnInstantEmailToTheirEnd() {
    QuietHours afternoonNap = new QuietHours(LocalTime.of(13, 0), LocalTime.of(15, 30));

    Delivery email =
        planner
            .plan(found(80), emailing(Frequency.INSTANT, afternoonNap, 0), null, false, false, NOW)
            .get(0);

    assertThat(email.dueAt()).isEqualTo(Instant.parse("2026-11-25T15:30:00Z"));
  }

  @Test
  void aWithdrawalIsToldOnlyToThoseWhoHeardOfTheMatch() {
    MatchWithdrawn withdrawn =
        new MatchWithdrawn(
            new EventMetadata(UUID.randomUUID(), NOW, "p1:v1", 3),
            new MatchClosure("p1", "v1", "acme", "Data analyst", WithdrawalReason.VACANCY_CLOSED));
    EmployerWebhook hook = new EmployerWebhook("acme", "https://acme.example/h", "s", 0, 0, false);
    Preferences person = emailing(Frequency.INSTANT, null, 0);

    assertThat(planner.plan(withdrawn, person, hook, false, false, NOW)).isEmpty();
    List<Delivery> told = planner.plan(withdrawn, person, hook, true, true, NOW);
    assertThat(told).extracting(Delivery::channel).containsExactly(Channel.EMAIL, Channel.WEBHOOK);
    assertThat(told.get(0).subject()).isEqualTo("No longer available: Data analyst");
    assertThat(told.get(0).body())
        .isEqualTo("The role \u201cData analyst\u201d that we told you about has closed.");
  }

  @Test
  void aPersonWhoErasedTheirProfileIsNotWrittenToButTheEmployerLearnsTheMatchIsGone() {
    MatchWithdrawn withdrawn =
        new MatchWithdrawn(
            new EventMetadata(UUID.randomUUID(), NOW, "p1:v1", 3),
            new MatchClosure("p1", "v1", "acme", "Data analyst", WithdrawalReason.PROFILE_ERASED));
    EmployerWebhook hook = new EmployerWebhook("acme", "https://acme.example/h", "s", 0, 0, false);

    assertThat(planner.plan(withdrawn, emailing(Frequency.INSTANT, null, 0), hook, true, true, NOW))
        .extracting(Delivery::channel)
        .containsExactly(Channel.WEBHOOK);
  }
}
