package org.skillway.matching.match;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.skillway.events.MatchData;
import org.skillway.events.WithdrawalReason;
import org.skillway.matching.metrics.MatchingMetrics;
import org.skillway.matching.profile.ProfileStore;
import org.skillway.matching.profile.StoredProfile;
import org.skillway.matching.vacancy.StoredVacancy;
import org.skillway.matching.vacancy.VacancyStore;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.beans.factory.SmartInitializingSingleton;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Matches in both directions through the in-memory {@link MatchIndex}. A profile gets its top K
 * vacancies; a vacancy its top K candidates among the profiles this instance owns. Matches already
 * standing are re-scored too, so one that no longer holds is withdrawn and one that merely dropped
 * out of a top K is kept. Each side is stored before it is indexed, and matching always starts from
 * what is stored, so a replayed event redoes the same work and, through {@link MatchRecorder},
 * changes nothing.
 */
@Component
public class Matcher implements SmartInitializingSingleton {
  /** Closing dates are UK dates. */
  private static final ZoneId UK = ZoneId.of("Europe/London");

  private static final Logger log = LoggerFactory.getLogger(Matcher.class);

  private final ProfileStore profiles;
  private final VacancyStore vacancies;
  private final MatchIndex index;
  private final MatchRecorder recorder;
  private final MatchingSettings settings;
  private final Clock clock;
  private final MatchingMetrics metrics;

  Matcher(
      ProfileStore profiles,
      VacancyStore vacancies,
      MatchIndex index,
      MatchRecorder recorder,
      MatchingSettings settings,
      Clock clock,
      MatchingMetrics metrics) {
    this.profiles = profiles;
    this.vacancies = vacancies;
    this.index = index;
    this.recorder = recorder;
    this.settings = settings;
    this.clock = clock;
    this.metrics = metrics;
  }

  /**
   * Loads every open vacancy before the listeners start, so no profile is matched against a partial
   * index.
   */
  @Override
  public void afterSingletonsInstantiated() {
    LocalDate today = today();
    vacancies.open(today).doOnNext(v -> index.putVacancy(v.id(), v.vacancy(), today)).blockLast();
  }

  /**
   * @param submittedAt when the person submitted this version (for version 1: registered)
   */
  public Mono<Void> onProfile(StoredProfile incoming, java.time.Instant submittedAt) {
    return profiles
        .apply(incoming, submittedAt)
        .flatMap(
            stored -> {
              if (stored.erased()) {
                // An older version replayed after the erasure.
                return Mono.empty();
              }
              index.putProfile(stored.id(), stored.profile());
              return reconcileProfile(stored.id());
            });
  }

  /**
   * Forgets an erased profile: it leaves the index, each standing match is withdrawn (the person is
   * not told: the closure's reason, {@code PROFILE_ERASED}, says so to the notification service,
   * but an employer who was told of the candidate learns that the match is gone), and once Kafka
   * has acknowledged every withdrawal the person's match documents are deleted. Only the profile's
   * tombstone (id and version) stays, so an older version replayed later is recognised. Redelivered
   * after a failure, it picks up where it stopped.
   */
  public Mono<Void> onProfileErased(String profileId, long version) {
    return profiles
        .erase(profileId, version)
        .filter(erased -> erased)
        .flatMap(
            erased -> {
              index.removeProfile(profileId);
              return recorder.forgetProfile(profileId, WithdrawalReason.PROFILE_ERASED);
            });
  }

  public Mono<Void> onVacancy(StoredVacancy incoming) {
    LocalDate today = today();
    return vacancies
        .apply(incoming)
        .flatMap(
            stored -> {
              index.putVacancy(stored.id(), stored.vacancy(), today);
              if (!stored.vacancy().isOpenOn(today)) {
                return withdrawMatchesOf(stored.id());
              }
              return reconcileVacancy(stored.id());
            });
  }

  /**
   * Closes the vacancies whose closing day has passed since the last sweep: no event marks that
   * moment, so a scheduled sweep takes them out of the index and withdraws their standing matches
   * with the profiles this instance owns.
   */
  public Mono<Void> closeExpiredVacancies() {
    LocalDate today = today();
    return vacancies
        .all()
        .filter(v -> !v.vacancy().isOpenOn(today))
        .concatMap(
            v -> {
              index.removeVacancy(v.id());
              return withdrawMatchesOf(v.id());
            })
        .then();
  }

  private Mono<Void> withdrawMatchesOf(String vacancyId) {
    return recorder
        .active("vacancyId", vacancyId)
        .filter(m -> index.hasProfile(m.profileId()))
        .concatMap(m -> recorder.withdraw(m.id(), WithdrawalReason.VACANCY_CLOSED))
        .then();
  }

  /**
   * Takes over the profiles of newly assigned partitions: loads them all into the index (what the
   * partition's events need from now on), then re-matches them in the background, so a rebalance
   * never waits on re-matching a whole partition. Re-matching catches up on any vacancy event that
   * arrived while no instance held the profile; a profile whose partition has moved on by then is
   * skipped.
   */
  public Mono<Void> onPartitionsAssigned(Set<Integer> partitions) {
    return profiles
        .inPartitions(partitions)
        .map(
            p -> {
              index.putProfile(p.id(), p.profile());
              return p.id();
            })
        .collectList()
        .doOnNext(
            ids -> {
              log.info("indexed {} profiles of partitions {}", ids.size(), partitions);
              Flux.fromIterable(ids)
                  .concatMap(this::reconcileProfile)
                  .subscribe(
                      done -> {},
                      failure ->
                          log.warn("re-matching partitions {} stopped", partitions, failure));
            })
        .then();
  }

  /** Hands back the profiles of revoked partitions; their new owner matches them from now on. */
  public Mono<Void> onPartitionsRevoked(Set<Integer> partitions) {
    return profiles.inPartitions(partitions).doOnNext(p -> index.removeProfile(p.id())).then();
  }

  private Mono<Void> reconcileProfile(String profileId) {
    if (!index.hasProfile(profileId)) {
      // No longer this instance's: its new owner matches it.
      return Mono.empty();
    }
    LocalDate today = today();
    List<MatchData> best =
        metrics.profileQuery(() -> index.topVacancies(profileId, settings.topK(), today));
    Set<String> bestIds = best.stream().map(MatchData::matchId).collect(Collectors.toSet());
    return Flux.fromIterable(best)
        .concatMap(match -> recorder.record(match, settings.materialChange()))
        .thenMany(
            recorder
                .active("profileId", profileId)
                .filter(stored -> !bestIds.contains(stored.id()))
                .concatMap(stored -> rescore(stored, today)))
        .then();
  }

  private Mono<Void> reconcileVacancy(String vacancyId) {
    LocalDate today = today();
    List<MatchData> best =
        metrics.vacancyQuery(() -> index.topCandidates(vacancyId, settings.topK(), today));
    Set<String> bestIds = best.stream().map(MatchData::matchId).collect(Collectors.toSet());
    return Flux.fromIterable(best)
        .concatMap(
            match ->
                // Profiles are erased on another thread: one that has left the index since the
                // query must not be matched again once its matches are forgotten. Asked just
                // before each write, not when the list was made.
                Mono.defer(
                    () ->
                        index.hasProfile(match.profileId())
                            ? recorder.record(match, settings.materialChange())
                            : Mono.empty()))
        .thenMany(
            recorder
                .active("vacancyId", vacancyId)
                .filter(
                    stored ->
                        !bestIds.contains(stored.id()) && index.hasProfile(stored.profileId()))
                .concatMap(stored -> rescore(stored, today)))
        .then();
  }

  private Mono<Void> rescore(StoredMatch stored, LocalDate today) {
    if (!index.hasProfile(stored.profileId())) {
      // Handed over or erased since the list was read: its new owner, or its erasure, decides.
      return Mono.empty();
    }
    return index
        .match(stored.profileId(), stored.vacancyId(), today)
        .map(match -> recorder.record(match, settings.materialChange()))
        .orElseGet(() -> recorder.withdraw(stored.id(), whyGone(stored, today)));
  }

  /**
   * Names why a standing match has gone, from the state of both sides now: a re-match that runs
   * while the vacancy closes must still tell the person the role closed.
   */
  private WithdrawalReason whyGone(StoredMatch stored, LocalDate today) {
    if (!index.hasOpenVacancy(stored.vacancyId(), today)) {
      return WithdrawalReason.VACANCY_CLOSED;
    }
    if (!index.consentsToMatch(stored.profileId())) {
      return WithdrawalReason.CONSENT_WITHDRAWN;
    }
    return WithdrawalReason.NO_LONGER_MATCHES;
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(UK));
  }
}
