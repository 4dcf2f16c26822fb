package org.skillway.matching.match;

import java.time.Clock;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Set;
import org.skillway.matching.profile.OwnedPartitions;
import org.skillway.matching.profile.ProfileStore;
import org.skillway.matching.profile.StoredProfile;
import org.skillway.matching.vacancy.StoredVacancy;
import org.skillway.matching.vacancy.VacancyStore;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * Matches in both directions. A profile is matched against every open vacancy; a vacancy against
 * the profiles this instance owns. Each side is stored before it looks for the other, so when a
 * profile and a vacancy arrive together at least one of them sees the other. Matching always starts
 * from what is stored, so a replayed event redoes the same work and, through {@link MatchRecorder},
 * changes nothing.
 */
@Component
public class Matcher {
  /** Closing dates are UK dates. */
  private static final ZoneId UK = ZoneId.of("Europe/London");

  private final ProfileStore profiles;
  private final VacancyStore vacancies;
  private final OwnedPartitions owned;
  private final MatchRules rules;
  private final MatchRecorder recorder;
  private final Clock clock;

  Matcher(
      ProfileStore profiles,
      VacancyStore vacancies,
      OwnedPartitions owned,
      MatchRules rules,
      MatchRecorder recorder,
      Clock clock) {
    this.profiles = profiles;
    this.vacancies = vacancies;
    this.owned = owned;
    this.rules = rules;
    this.recorder = recorder;
    this.clock = clock;
  }

  public Mono<Void> onProfile(StoredProfile incoming) {
    return profiles.apply(incoming).flatMap(this::matchProfile);
  }

  public Mono<Void> onVacancy(StoredVacancy incoming) {
    LocalDate today = today();
    return vacancies
        .apply(incoming)
        .flatMap(
            vacancy ->
                profiles
                    .inPartitions(owned.current())
                    .flatMapIterable(
                        profile ->
                            rules
                                .evaluate(
                                    profile.id(),
                                    profile.profile(),
                                    vacancy.id(),
                                    vacancy.vacancy(),
                                    today)
                                .stream()
                                .toList())
                    .concatMap(recorder::record)
                    .then());
  }

  /**
   * Re-matches the profiles of newly assigned partitions, which may have missed vacancies
   * meanwhile.
   */
  public Mono<Void> onPartitionsAssigned(Set<Integer> partitions) {
    return profiles.inPartitions(partitions).concatMap(this::matchProfile).then();
  }

  private Mono<Void> matchProfile(StoredProfile profile) {
    LocalDate today = today();
    return vacancies
        .open(today)
        .flatMapIterable(
            vacancy ->
                rules
                    .evaluate(
                        profile.id(), profile.profile(), vacancy.id(), vacancy.vacancy(), today)
                    .stream()
                    .toList())
        .concatMap(recorder::record)
        .then();
  }

  private LocalDate today() {
    return LocalDate.now(clock.withZone(UK));
  }
}
