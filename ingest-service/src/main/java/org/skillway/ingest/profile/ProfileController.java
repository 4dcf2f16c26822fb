package org.skillway.ingest.profile;

import jakarta.validation.Valid;
import java.time.Instant;
import java.util.List;
import org.skillway.ingest.skill.SkillCatalogue;
import org.skillway.support.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/**
 * A person's own profile: read, replace, delete. Security lets only its owner (or an operator)
 * through; registration is {@code POST /api/v1/accounts}.
 */
@RestController
@RequestMapping("/api/v1/profiles/{profileId}")
class ProfileController {
  private final Profiles profiles;
  private final ProfileChecks checks;
  private final ProfileErasures erasures;
  private final SkillCatalogue catalogue;

  ProfileController(
      Profiles profiles, ProfileChecks checks, ProfileErasures erasures, SkillCatalogue catalogue) {
    this.profiles = profiles;
    this.checks = checks;
    this.erasures = erasures;
    this.catalogue = catalogue;
  }

  /**
   * @param version rises by one with each change
   * @param probableSkills for someone retraining, the skills ESCO calls essential for their last
   *     occupation that the profile does not list: skills they probably have, to confirm by adding
   *     them to {@code skills}. They count in matching only once added.
   */
  record ProfileView(
      String profileId,
      long version,
      Profile profile,
      Instant updatedAt,
      List<FieldError.Suggestion> probableSkills) {}

  private ProfileView view(StoredProfile stored) {
    Profile profile = stored.profile();
    List<FieldError.Suggestion> probable =
        profile.retrainer() == null
            ? List.of()
            : catalogue.essentialSkillsLeftOut(
                profile.retrainer().occupationId(),
                profile.skills().stream().map(Profile.Skill::skillId).toList());
    return new ProfileView(stored.id(), stored.version(), profile, stored.updatedAt(), probable);
  }

  @GetMapping
  Mono<ProfileView> read(@PathVariable String profileId) {
    return profiles.find(profileId).switchIfEmpty(Mono.error(Profiles.notFound())).map(this::view);
  }

  /** Replaces the whole profile; answers once Kafka holds the new version. */
  @PutMapping
  Mono<ProfileView> replace(
      @PathVariable String profileId, @Valid @RequestBody ProfileRequest request) {
    Profile profile = checks.check(request, null);
    return profiles.replace(profileId, profile).map(this::view);
  }

  /**
   * Deletes the profile and the account: matching forgets the profile and withdraws its matches,
   * and the person can no longer sign in.
   */
  @DeleteMapping
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> delete(@PathVariable String profileId) {
    return erasures.deleteAccount(profileId);
  }
}
