package org.skillway.ingest.profile;

import jakarta.validation.Valid;
import java.time.Clock;
import java.util.UUID;
import org.skillway.events.EventMetadata;
import org.skillway.events.ProfileData;
import org.skillway.events.ProfileSubmitted;
import org.skillway.ingest.skill.Outcodes;
import org.skillway.ingest.skill.SkillCatalogue;
import org.skillway.support.EventPublisher;
import org.skillway.support.IdentityTokens;
import org.skillway.support.Role;
import org.skillway.support.SkillwayProperties;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

@RestController
@RequestMapping("/api/v1/profiles")
class ProfileController {
  private final EventPublisher events;
  private final IdentityTokens tokens;
  private final SkillwayProperties properties;
  private final Clock clock;
  private final SkillCatalogue skills;
  private final Outcodes outcodes;

  ProfileController(
      EventPublisher events,
      IdentityTokens tokens,
      SkillwayProperties properties,
      Clock clock,
      SkillCatalogue skills,
      Outcodes outcodes) {
    this.skills = skills;
    this.outcodes = outcodes;
    this.events = events;
    this.tokens = tokens;
    this.properties = properties;
    this.clock = clock;
  }

  /**
   * Registers a profile. Answers 202 once Kafka holds the event; matching follows asynchronously.
   */
  @PostMapping
  @ResponseStatus(HttpStatus.ACCEPTED)
  Mono<ProfileResponse> register(@Valid @RequestBody ProfileRequest request) {
    String profileId = UUID.randomUUID().toString();
    ProfileData profile =
        new ProfileData(
            request.pathway(),
            skills.resolve("skills", request.skills()),
            outcodes.resolve("outcode", request.outcode()),
            request.consentToMatch(),
            request.yearsExperience(),
            request.workMode(),
            request.maxCommuteKm(),
            request.salaryExpectation(),
            request.availableFrom(),
            Boolean.TRUE.equals(request.needsDevice()));
    ProfileSubmitted event =
        new ProfileSubmitted(EventMetadata.next(profileId, 1, clock.instant()), profile);
    return events
        .publish(event)
        .then(
            Mono.fromSupplier(
                () ->
                    new ProfileResponse(
                        profileId,
                        tokens.issue(profileId, Role.STUDENT),
                        "Bearer",
                        properties.security().tokenTtl().toSeconds())));
  }
}
