package org.skillway.matching.export;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import org.skillway.matching.match.MatchRecorder;
import org.skillway.matching.match.MatchView;
import org.skillway.matching.profile.ProfileStore;
import org.skillway.matching.profile.StoredProfile;
import org.skillway.matching.vacancy.StoredVacancy;
import org.skillway.matching.vacancy.VacancyStore;
import org.skillway.support.Role;
import org.skillway.support.SecurityDefaults;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * Everything matching holds about the caller, who is named by their own token (its subject), so
 * nobody can ask for another's data. A person gets their profile as matching stores it and every
 * match of theirs, standing or withdrawn; an employer their vacancies as matching stores them and
 * the name-blind standing matches of those. Withdrawn matches are not shown to an employer: they
 * are about people who have withdrawn consent or no longer match, not about the employer. Anyone
 * else gets the envelope with nothing in it.
 */
@RestController
class ExportController {
  static final String SERVICE = "matching-service";

  private final ProfileStore profiles;
  private final VacancyStore vacancies;
  private final MatchRecorder matches;
  private final Clock clock;

  ExportController(
      ProfileStore profiles, VacancyStore vacancies, MatchRecorder matches, Clock clock) {
    this.profiles = profiles;
    this.vacancies = vacancies;
    this.matches = matches;
    this.clock = clock;
  }

  @GetMapping("/api/v1/me/export")
  Mono<Export> export(Authentication caller) {
    String subject = caller.getName();
    Optional<Role> role = SecurityDefaults.roleOf(caller);
    Instant now = clock.instant();
    if (role.equals(Optional.of(Role.STUDENT))) {
      return Mono.zip(
              profiles.find(subject).map(Optional::of).defaultIfEmpty(Optional.empty()),
              matches.ofProfile(subject).map(MatchView::of).collectList())
          .map(
              held ->
                  new Export(
                      SERVICE,
                      subject,
                      Role.STUDENT.name(),
                      now,
                      held.getT1().orElse(null),
                      List.of(),
                      held.getT2()));
    }
    if (role.equals(Optional.of(Role.EMPLOYER))) {
      return Mono.zip(
              vacancies.ofEmployer(subject).collectList(),
              matches.active("employerId", subject).map(MatchView::forEmployer).collectList())
          .map(
              held ->
                  new Export(
                      SERVICE,
                      subject,
                      Role.EMPLOYER.name(),
                      now,
                      null,
                      held.getT1(),
                      held.getT2()));
    }
    return Mono.just(
        new Export(
            SERVICE, subject, role.map(Role::name).orElse(null), now, null, List.of(), List.of()));
  }

  /**
   * @param role the token's role
   * @param profile the person's profile as stored; absent once erased, and for others
   * @param vacancies the employer's vacancies as stored; empty for others
   * @param matches a person's matches, standing and withdrawn; an employer's standing ones
   */
  record Export(
      String service,
      String subject,
      String role,
      Instant exportedAt,
      StoredProfile profile,
      List<StoredVacancy> vacancies,
      List<MatchView> matches) {}
}
