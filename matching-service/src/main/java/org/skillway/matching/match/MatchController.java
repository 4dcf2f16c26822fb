package org.skillway.matching.match;

import java.util.List;
import org.skillway.matching.vacancy.VacancyStore;
import org.skillway.support.SecurityDefaults;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ResponseStatusException;
import reactor.core.publisher.Mono;

/**
 * Standing matches with their explanations, best first. Name-blind: a candidate appears only as a
 * profile id. Who may read a person's matches is decided in the security configuration; an
 * employer's right to a vacancy's matches is checked here, against the stored vacancy.
 */
@RestController
class MatchController {
  private final MatchRecorder matches;
  private final VacancyStore vacancies;

  MatchController(MatchRecorder matches, VacancyStore vacancies) {
    this.matches = matches;
    this.vacancies = vacancies;
  }

  @GetMapping("/api/v1/profiles/{profileId}/matches")
  Mono<MatchList> forProfile(@PathVariable String profileId) {
    return matches
        .active("profileId", profileId)
        .map(MatchView::of)
        .collectList()
        .map(MatchList::new);
  }

  @GetMapping("/api/v1/vacancies/{vacancyId}/matches")
  Mono<MatchList> forVacancy(@PathVariable String vacancyId, Authentication caller) {
    return vacancies
        .find(vacancyId)
        .filter(
            v ->
                SecurityDefaults.isOperator(caller)
                    || v.vacancy().employerId().equals(caller.getName()))
        // Another employer's vacancy is answered as if it did not exist, so ids cannot be probed.
        .switchIfEmpty(
            Mono.error(
                new ResponseStatusException(HttpStatus.NOT_FOUND, "No such vacancy of yours")))
        .flatMap(
            v -> matches.active("vacancyId", vacancyId).map(MatchView::forEmployer).collectList())
        .map(MatchList::new);
  }

  record MatchList(List<MatchView> matches) {}
}
