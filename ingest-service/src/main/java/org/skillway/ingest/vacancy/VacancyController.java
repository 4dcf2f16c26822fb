package org.skillway.ingest.vacancy;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.List;
import java.util.UUID;
import org.skillway.events.EventMetadata;
import org.skillway.events.VacancyData;
import org.skillway.events.VacancyPublished;
import org.skillway.events.VacancyStatus;
import org.skillway.ingest.apikey.ApiClient;
import org.skillway.ingest.skill.Outcodes;
import org.skillway.ingest.skill.SkillCatalogue;
import org.skillway.support.ApiProblemException;
import org.skillway.support.EventPublisher;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/vacancies")
class VacancyController {
  private final EventPublisher events;
  private final Clock clock;
  private final SkillCatalogue skills;
  private final Outcodes outcodes;

  VacancyController(EventPublisher events, Clock clock, SkillCatalogue skills, Outcodes outcodes) {
    this.skills = skills;
    this.outcodes = outcodes;
    this.events = events;
    this.clock = clock;
  }

  /** Posts a vacancy for the calling employer. Answers 202 once Kafka holds the event. */
  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  Mono<VacancyResponse> post(
      @AuthenticationPrincipal ApiClient employer, @Valid @RequestBody VacancyRequest request) {
    String vacancyId = UUID.randomUUID().toString();
    if (request.salaryMin() != null
        && request.salaryMax() != null
        && request.salaryMin() > request.salaryMax()) {
      throw ApiProblemException.invalid("salaryMin", "must not exceed salaryMax");
    }
    VacancyData vacancy =
        new VacancyData(
            employer.ownerId(),
            request.title().trim(),
            request.kind(),
            skills.resolve("requiredSkills", request.requiredSkills()),
            outcodes.resolve("outcode", request.outcode()),
            request.closingDate(),
            request.niceToHaveSkills() == null
                ? List.of()
                : skills.resolve("niceToHaveSkills", request.niceToHaveSkills()),
            request.level(),
            request.minYears(),
            request.workMode(),
            request.salaryMin(),
            request.salaryMax(),
            request.startDate(),
            Boolean.TRUE.equals(request.deviceProvided()),
            VacancyStatus.OPEN);

    VacancyPublished event =
        new VacancyPublished(EventMetadata.next(vacancyId, 1, clock.instant()), vacancy);
    return events.publish(event).thenReturn(new VacancyResponse(vacancyId, employer.ownerId()));
  }

  record VacancyResponse(String vacancyId, String employerId) {}
}
