package org.skillway.ingest.web;

import java.time.DateTimeException;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.skillway.events.WorkMode;
import org.skillway.ingest.organisation.Organisations;
import org.skillway.ingest.profile.Profile;
import org.skillway.ingest.profile.ProfileChecks;
import org.skillway.ingest.profile.ProfileRequest;
import org.skillway.ingest.profile.Profiles;
import org.skillway.ingest.profile.StoredProfile;
import org.skillway.ingest.skill.SkillCatalogue;
import org.skillway.ingest.skill.SkillRequest;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A person's profile: a summary to check (the GOV.UK "check your answers" pattern) and a page for
 * each part. Every change is checked as the API checks it and published before the page moves on.
 */
@Controller
@ResponseBody
public class ProfilePages {
  static final List<Choice> LEVELS =
      List.of(
          new Choice("1", "1: I know what it is", null, 1),
          new Choice("2", "2: I have used it a little", null, 2),
          new Choice("3", "3: I use it without help", null, 3),
          new Choice("4", "4: I use it well and help others", null, 4),
          new Choice("5", "5: I am an expert", null, 5));

  static final List<Choice> WORK_MODES =
      Choice.of("ONSITE", "At the workplace", "HYBRID", "Some days at home", "REMOTE", "From home");

  static final List<Choice> SECTORS =
      Choice.of(
          "advanced-manufacturing",
          "Advanced manufacturing",
          "health",
          "Health and care",
          "digital",
          "Digital and creative",
          "clean-growth",
          "Clean growth and energy",
          "business-financial",
          "Business and financial services",
          "visitor-economy",
          "Visitor economy: hospitality, tourism and culture");

  private static final Map<String, String> ABOUT_LABELS =
      Map.of(
          "outcode", "Postcode area",
          "maxCommuteKm", "How far you can travel",
          "workMode", "Where you want to work",
          "availableFrom", "Start date",
          "desiredSectors", "Sectors");

  private final Pages pages;
  private final Profiles profiles;
  private final ProfileChecks checks;
  private final SkillCatalogue catalogue;
  private final Organisations organisations;
  private final PlatformServices services;

  ProfilePages(
      Pages pages,
      Profiles profiles,
      ProfileChecks checks,
      SkillCatalogue catalogue,
      Organisations organisations,
      PlatformServices services) {
    this.pages = pages;
    this.profiles = profiles;
    this.checks = checks;
    this.catalogue = catalogue;
    this.organisations = organisations;
    this.services = services;
  }

  /** A skill as the pages show it, with who vouches for it. */
  public record SkillRow(String skillId, String label, int level, String vouchedBy) {}

  @GetMapping("/profile")
  Mono<ResponseEntity<String>> summary(
      @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
    return Mono.zip(
            pages.page(exchange, "Your profile"),
            profile(jwt),
            services
                .preferences(jwt.getTokenValue(), jwt.getSubject())
                .map(java.util.Optional::of)
                .onErrorReturn(java.util.Optional.empty()))
        .flatMap(
            t ->
                skillRows(t.getT2().profile())
                    .map(
                        skills ->
                            pages.ok(
                                "profile",
                                "page",
                                t.getT1().in("profile"),
                                "profile",
                                t.getT2().profile(),
                                "skills",
                                skills,
                                "preferences",
                                t.getT3().orElse(null),
                                "sectors",
                                SECTORS)));
  }

  @GetMapping("/profile/skills")
  Mono<ResponseEntity<String>> skills(
      @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
    return skillsPage(exchange, jwt, Form.empty(), List.of());
  }

  @PostMapping("/profile/skills")
  Mono<ResponseEntity<String>> addSkill(
      @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
    return Form.read(exchange)
        .flatMap(
            form -> {
              Integer level = Numbers.whole(form.value("level"));
              if (form.isBlank("skill")) {
                form.error("skill", "Enter a skill, like Python or customer service");
              }
              if (level == null || level < 1 || level > 5) {
                form.error("level", "Select how well you know this skill");
              }
              if (form.hasErrors()) {
                return skillsPage(exchange, jwt, form, List.of());
              }
              String typed = form.value("skill");
              var found = catalogue.exact(typed);
              if (found.isEmpty()) {
                List<FieldError.Suggestion> near = catalogue.suggest(typed, 5);
                form.error(
                    "skill",
                    near.isEmpty()
                        ? "We could not find '"
                            + typed
                            + "'. Try other words, like the name of a tool or a task"
                        : "We could not find '" + typed + "' exactly. Choose the skill you mean");
                return skillsPage(exchange, jwt, form, near);
              }
              return profile(jwt)
                  .flatMap(
                      stored -> {
                        ProfileRequest request = ProfileEdits.requestOf(stored.profile());
                        List<SkillRequest> skills = new ArrayList<>();
                        boolean replaced = false;
                        for (SkillRequest s : request.skills()) {
                          if (s.skillId().equals(found.get())) {
                            skills.add(new SkillRequest(s.skillId(), level, s.years(), null));
                            replaced = true;
                          } else {
                            skills.add(s);
                          }
                        }
                        if (!replaced) {
                          skills.add(new SkillRequest(found.get(), level));
                        }
                        return save(
                                jwt, ProfileEdits.withSkills(request, skills), "/profile/skills")
                            .onErrorResume(
                                ApiProblemException.class,
                                problem ->
                                    skillsPage(
                                        exchange,
                                        jwt,
                                        FieldNames.apply(
                                            problem, form, Map.of("skill", "Skill"), "skill"),
                                        List.of()));
                      });
            });
  }

  @PostMapping("/profile/skills/remove")
  Mono<ResponseEntity<String>> removeSkill(
      @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
    return Form.read(exchange)
        .flatMap(
            form -> {
              String skillId = form.value("skillId");
              return profile(jwt)
                  .flatMap(
                      stored -> {
                        ProfileRequest request = ProfileEdits.requestOf(stored.profile());
                        List<SkillRequest> kept =
                            request.skills().stream()
                                .filter(s -> !s.skillId().equals(skillId))
                                .toList();
                        return save(jwt, ProfileEdits.withSkills(request, kept), "/profile/skills");
                      });
            });
  }

  private Mono<ResponseEntity<String>> skillsPage(
      ServerWebExchange exchange, Jwt jwt, Form form, List<FieldError.Suggestion> suggestions) {
    List<Choice> choices = new ArrayList<>();
    for (int i = 0; i < suggestions.size(); i++) {
      choices.add(new Choice(suggestions.get(i).value(), suggestions.get(i).label(), null, i + 1));
    }
    return Mono.zip(pages.page(exchange, "Your skills"), profile(jwt))
        .flatMap(
            t ->
                skillRows(t.getT2().profile())
                    .map(
                        rows ->
                            pages.ok(
                                "skills",
                                "page",
                                t.getT1().in("profile").back("/profile").withErrors(form),
                                "form",
                                form,
                                "skills",
                                rows,
                                "levels",
                                LEVELS,
                                "choices",
                                List.copyOf(choices),
                                "probable",
                                probableSkills(t.getT2().profile()),
                                "lastJob",
                                t.getT2().profile().retrainer() == null
                                    ? ""
                                    : t.getT2().profile().retrainer().occupationLabel())));
  }

  /**
   * For someone retraining: the skills ESCO calls essential for their last occupation that they
   * have not added, as choices to confirm. Nothing is added until they tick it.
   */
  private List<Choice> probableSkills(Profile profile) {
    if (profile.retrainer() == null || profile.retrainer().occupationId() == null) {
      return List.of();
    }
    List<String> have = profile.skills().stream().map(Profile.Skill::skillId).toList();
    List<Choice> choices = new ArrayList<>();
    for (FieldError.Suggestion skill :
        catalogue.essentialSkillsLeftOut(profile.retrainer().occupationId(), have)) {
      if (choices.size() == PROBABLE_SKILLS) {
        break;
      }
      choices.add(new Choice(skill.value(), skill.label(), null, choices.size() + 1));
    }
    return List.copyOf(choices);
  }

  /** How many of a last job's skills are offered at once. */
  static final int PROBABLE_SKILLS = 12;

  /** The level a confirmed skill from a person's last job is added at; they can change it. */
  static final int CONFIRMED_LEVEL = 3;

  /**
   * Adds the skills from their last job that the person ticked, at level 3 ("I use it without
   * help"), each checked against the taxonomy again.
   */
  @PostMapping("/profile/skills/confirm")
  Mono<ResponseEntity<String>> confirmSkills(
      @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
    return Form.read(exchange)
        .flatMap(
            form ->
                profile(jwt)
                    .flatMap(
                        stored -> {
                          List<String> offered =
                              probableSkills(stored.profile()).stream().map(Choice::value).toList();
                          List<String> ticked =
                              form.values("confirmed").stream()
                                  .filter(offered::contains)
                                  .distinct()
                                  .toList();
                          if (ticked.isEmpty()) {
                            form.error(
                                "confirmed", "Tick the skills you have, or add others below");
                            return skillsPage(exchange, jwt, form, List.of());
                          }
                          ProfileRequest request = ProfileEdits.requestOf(stored.profile());
                          List<SkillRequest> skills = new ArrayList<>(request.skills());
                          ticked.forEach(id -> skills.add(new SkillRequest(id, CONFIRMED_LEVEL)));
                          return save(
                              jwt, ProfileEdits.withSkills(request, skills), "/profile/skills");
                        }));
  }

  @GetMapping("/profile/about")
  Mono<ResponseEntity<String>> about(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
    return profile(jwt).flatMap(stored -> aboutPage(exchange, aboutForm(stored.profile())));
  }

  @PostMapping("/profile/about")
  Mono<ResponseEntity<String>> saveAbout(
      @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
    return Form.read(exchange)
        .flatMap(
            form -> {
              ProfileEdits.About about = about(form);
              if (form.hasErrors()) {
                return aboutPage(exchange, form);
              }
              return profile(jwt)
                  .flatMap(
                      stored ->
                          save(
                                  jwt,
                                  ProfileEdits.withAbout(
                                      ProfileEdits.requestOf(stored.profile()), about),
                                  "/profile")
                              .onErrorResume(
                                  ApiProblemException.class,
                                  problem ->
                                      aboutPage(
                                          exchange,
                                          FieldNames.apply(
                                              problem, form, ABOUT_LABELS, "outcode"))));
            });
  }

  private static Form aboutForm(Profile p) {
    Form form =
        Form.empty()
            .with("outcode", p.outcode())
            .with("maxCommuteKm", p.maxCommuteKm() == null ? null : p.maxCommuteKm().toString())
            .with("workMode", p.workMode() == null ? null : p.workMode().name())
            .withAll("desiredSectors", p.desiredSectors());
    if (p.availableFrom() != null) {
      form.with("availableFrom-day", String.valueOf(p.availableFrom().getDayOfMonth()))
          .with("availableFrom-month", String.valueOf(p.availableFrom().getMonthValue()))
          .with("availableFrom-year", String.valueOf(p.availableFrom().getYear()));
    }
    if (p.inclusion().needsDevice()) {
      form.with("needsDevice", "true");
    }
    if (p.inclusion().mobileOnly()) {
      form.with("mobileOnly", "true");
    }
    if (p.consentToMatch()) {
      form.with("consentToMatch", "true");
    }
    if (p.consentToContact()) {
      form.with("consentToContact", "true");
    }
    return form;
  }

  private static ProfileEdits.About about(Form form) {
    if (form.isBlank("outcode")) {
      form.error("outcode", "Enter the first part of your postcode, like M1 or PR1");
    }
    Integer km = null;
    if (!form.isBlank("maxCommuteKm")) {
      km = Numbers.whole(form.value("maxCommuteKm"));
      if (km == null || km < 0 || km > 500) {
        form.error(
            "maxCommuteKm",
            "Enter how far you can travel as a whole number of kilometres, up to 500");
      }
    }
    WorkMode mode = null;
    if (!form.isBlank("workMode")) {
      try {
        mode = WorkMode.valueOf(form.value("workMode"));
      } catch (IllegalArgumentException unknown) {
        form.error("workMode", "Select where you want to work");
      }
    }
    LocalDate from = null;
    String d = form.value("availableFrom-day");
    String m = form.value("availableFrom-month");
    String y = form.value("availableFrom-year");
    if (!(d + m + y).isEmpty()) {
      Integer day = Numbers.whole(d);
      Integer month = Numbers.whole(m);
      Integer year = Numbers.whole(y);
      try {
        from = LocalDate.of(year, month, day);
        if (from.getYear() < 2000 || from.getYear() > 2100) {
          throw new DateTimeException("out of range");
        }
      } catch (DateTimeException | NullPointerException notADate) {
        form.error("availableFrom-day", "Start date must be a real date, like 1 9 2027");
      }
    }
    Set<String> known = new LinkedHashSet<>();
    SECTORS.forEach(c -> known.add(c.value()));
    List<String> sectors = form.values("desiredSectors").stream().filter(known::contains).toList();
    return new ProfileEdits.About(
        form.value("outcode"),
        km,
        mode,
        from,
        sectors,
        form.checked("needsDevice", "true"),
        form.checked("mobileOnly", "true"),
        form.checked("consentToMatch", "true"),
        form.checked("consentToContact", "true"));
  }

  private Mono<ResponseEntity<String>> aboutPage(ServerWebExchange exchange, Form form) {
    return pages
        .page(exchange, "About you and the work you want")
        .map(
            page ->
                pages.ok(
                    "about",
                    "page",
                    page.in("profile").back("/profile").withErrors(form),
                    "form",
                    form,
                    "workModes",
                    WORK_MODES,
                    "sectors",
                    SECTORS));
  }

  private Mono<StoredProfile> profile(Jwt jwt) {
    return profiles.find(jwt.getSubject()).switchIfEmpty(Mono.error(Profiles.notFound()));
  }

  /** Checks the whole profile as the API would, publishes it, then moves on to {@code next}. */
  private Mono<ResponseEntity<String>> save(Jwt jwt, ProfileRequest request, String next) {
    return Mono.defer(
        () -> {
          Profile checked = checks.check(request, null);
          return profiles.replace(jwt.getSubject(), checked).thenReturn(Pages.seeOther(next));
        });
  }

  private Mono<List<SkillRow>> skillRows(Profile profile) {
    List<String> vouchers =
        profile.skills().stream()
            .map(Profile.Skill::evidencedBy)
            .filter(java.util.Objects::nonNull)
            .distinct()
            .toList();
    return organisations
        .displayNames(vouchers)
        .map(
            names ->
                profile.skills().stream()
                    .map(
                        s ->
                            new SkillRow(
                                s.skillId(),
                                s.label(),
                                s.level(),
                                s.evidencedBy() == null
                                    ? null
                                    : names.getOrDefault(s.evidencedBy(), "your university")))
                    .toList());
  }
}
