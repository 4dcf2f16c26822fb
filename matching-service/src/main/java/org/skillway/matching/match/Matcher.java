package org.skillway.matching.match;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import org.skillway.events.MatchData;
import org.skillway.events.WithdrawalReason;
import org.skillway.matching.metrics.MatchingMetrics;
import org.skillway.matching.profile.ProfileStore;
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

  /** How many profiles a re-match after a rebalance records in one bulk. */
  private static final int REMATCH_BATCH = 500;

  private final ProfileStore profiles;
  private final VacancyStore vacancies;
  private final MatchIndex index;
  private final MatchRecorder recorder;
  private final MatchingSettings settings;
  private final Clock clock;
  private final MatchingMetrics metrics;
  private final MatchLedger ledger;

  Matcher(
      ProfileStore profiles,
      VacancyStore vacancies,
      MatchIndex index,
      MatchRecorder recorder,
      MatchingSettings settings,
      Clock clock,
      MatchingMetrics metrics,
      MatchLedger ledger) {
    this.ledger = ledger;
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
   * Stores a batch of profile versions and re-matches the profiles among them, in bulk: see {@link
   * ProfileStore#applyAll} and {@link MatchRecorder#recordAll}.
   */
  public Mono<Void> onProfiles(List<ProfileStore.Submission> batch) {
    return profiles
        .applyAll(batch)
        // An older version replayed after the erasure leaves nothing to match.
        .filter(stored -> !stored.erased())
        .map(
            stored -> {
              index.putProfile(stored.id(), stored.profile());
              return stored.id();
            })
        .collectList()
        .flatMap(this::reconcileProfiles);
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
    List<MatchRecorder.Gone> gone = new ArrayList<>();
    for (MatchLedger.Entry standing : ledger.activeOfVacancy(vacancyId)) {
      if (index.hasProfile(standing.profileId())) {
        gone.add(new MatchRecorder.Gone(standing, WithdrawalReason.VACANCY_CLOSED));
      }
    }
    return recorder.recordAll(List.of(), gone, settings.materialChange());
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
        .flatMap(ids -> recorder.loadLedger(Set.copyOf(ids)).thenReturn(ids))
        .doOnNext(
            ids -> {
              log.info(
                  "indexed {} profiles of partitions {} ({} matches known)",
                  ids.size(),
                  partitions,
                  ledger.size());
              Flux.fromIterable(ids)
                  .buffer(REMATCH_BATCH)
                  .concatMap(this::reconcileProfiles)
                  .subscribe(
                      done -> {},
                      failure ->
                          log.warn("re-matching partitions {} stopped", partitions, failure));
            })
        .then();
  }

  /** Hands back the profiles of revoked partitions; their new owner matches them from now on. */
  public Mono<Void> onPartitionsRevoked(Set<Integer> partitions) {
    return profiles
        .inPartitions(partitions)
        .doOnNext(
            p -> {
              index.removeProfile(p.id());
              ledger.forgetProfile(p.id());
            })
        .then();
  }

  /**
   * Re-matches these profiles: each one's top K, and each standing match outside it re-scored (kept
   * if it still holds, withdrawn if not), all recorded in one bulk.
   */
  private Mono<Void> reconcileProfiles(List<String> profileIds) {
    LocalDate today = today();
    List<MatchData> current = new ArrayList<>();
    List<MatchRecorder.Gone> gone = new ArrayList<>();
    for (String profileId : new LinkedHashSet<>(profileIds)) {
      if (!index.hasProfile(profileId)) {
        // No longer this instance's: its new owner matches it.
        continue;
      }
      List<MatchData> best =
          metrics.profileQuery(() -> index.topVacancies(profileId, settings.topK(), today));
      current.addAll(best);
      Set<String> bestVacancies =
          best.stream().map(MatchData::vacancyId).collect(Collectors.toSet());
      for (MatchLedger.Entry standing : ledger.activeOfProfile(profileId)) {
        if (!bestVacancies.contains(standing.vacancyId())) {
          rescore(standing, today, current, gone);
        }
      }
    }
    return recorder.recordAll(current, gone, settings.materialChange());
  }

  private Mono<Void> reconcileVacancy(String vacancyId) {
    LocalDate today = today();
    List<MatchData> best =
        metrics.vacancyQuery(() -> index.topCandidates(vacancyId, settings.topK(), today));
    // Profiles are erased on another thread: one that has left the index since the query must not
    // be matched again (and should the erasure run between this check and the write, it finds the
    // new match and is redone, withdrawing it).
    List<MatchData> current = new ArrayList<>();
    for (MatchData match : best) {
      if (index.hasProfile(match.profileId())) {
        current.add(match);
      }
    }
    Set<String> bestProfiles = best.stream().map(MatchData::profileId).collect(Collectors.toSet());
    List<MatchRecorder.Gone> gone = new ArrayList<>();
    for (MatchLedger.Entry standing : ledger.activeOfVacancy(vacancyId)) {
      if (!bestProfiles.contains(standing.profileId()) && index.hasProfile(standing.profileId())) {
        rescore(standing, today, current, gone);
      }
    }
    return recorder.recordAll(current, gone, settings.materialChange());
  }

  /** A standing match outside a top K: kept, re-scored, if it still holds; withdrawn if not. */
  private void rescore(
      MatchLedger.Entry standing,
      LocalDate today,
      List<MatchData> current,
      List<MatchRecorder.Gone> gone) {
    index
        .match(standing.profileId(), standing.vacancyId(), today)
        .ifPresentOrElse(
            current::add,
            () -> gone.add(new MatchRecorder.Gone(standing, whyGone(standing, today))));
  }

  /**
   * Names why a standing match has gone, from the state of both sides now: a re-match that runs
   * while the vacancy closes must still tell the person the role closed.
   */
  private WithdrawalReason whyGone(MatchLedger.Entry stored, LocalDate today) {
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
