package org.skillway.ingest.web;

import java.time.Clock;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import org.skillway.ingest.organisation.Organisations;
import org.skillway.ingest.profile.Profiles;
import org.skillway.ingest.profile.StoredProfile;
import org.skillway.ingest.skill.Outcodes;
import org.skillway.ingest.skill.SkillCatalogue;
import org.skillway.ingest.vacancy.Adverts;
import org.skillway.ingest.vacancy.Adverts.Advert;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A person's matches, best first, each with why it matched and how to close the gap; and a role's
 * own page. Matches come from matching-service; the advert and the employer's name from this
 * service, which keeps them.
 */
@Controller
@ResponseBody
public class MatchPages {
  private final Pages pages;
  private final PlatformServices services;
  private final Adverts adverts;
  private final Organisations organisations;
  private final Profiles profiles;
  private final Outcodes outcodes;
  private final Clock clock;
  private final SkillCatalogue catalogue;

  MatchPages(
      Pages pages,
      PlatformServices services,
      Adverts adverts,
      Organisations organisations,
      Profiles profiles,
      Outcodes outcodes,
      Clock clock,
      SkillCatalogue catalogue) {
    this.catalogue = catalogue;
    this.pages = pages;
    this.services = services;
    this.adverts = adverts;
    this.organisations = organisations;
    this.profiles = profiles;
    this.outcodes = outcodes;
    this.clock = clock;
  }

  /**
   * A match as its card shows it.
   *
   * @param place where the role is, and how far from the person, in words
   */
  public record MatchCard(
      PlatformServices.MatchJson match, String employer, String place, Advert advert) {}

  /** A page of the list: enough to choose from on a phone, light on a weak signal. */
  static final int PER_PAGE = 20;

  /**
   * @param number from 1
   * @param of how many pages there are
   * @param total how many matches in all
   */
  public record Paging(int number, int of, int total) {
    public boolean hasPrevious() {
      return number > 1;
    }

    public boolean hasNext() {
      return number < of;
    }

    public int first() {
      return total == 0 ? 0 : (number - 1) * PER_PAGE + 1;
    }

    public int last() {
      return Math.min(total, number * PER_PAGE);
    }
  }

  @GetMapping("/matches")
  Mono<ResponseEntity<String>> matches(
      @AuthenticationPrincipal Jwt jwt,
      @org.springframework.web.bind.annotation.RequestParam(name = "page", required = false)
          String pageParameter,
      ServerWebExchange exchange) {
    LocalDate today = LocalDate.now(clock);
    return Mono.zip(
            pages.page(exchange, "Your matches"),
            services.matches(jwt.getTokenValue(), jwt.getSubject()).map(this::labelled),
            profiles.find(jwt.getSubject()).map(Optional::of).defaultIfEmpty(Optional.empty()))
        .flatMap(
            t -> {
              List<PlatformServices.MatchJson> all = t.getT2();
              int pageCount = Math.max(1, (all.size() + PER_PAGE - 1) / PER_PAGE);
              Integer asked = Numbers.whole(pageParameter);
              int number = asked == null ? 1 : Math.max(1, Math.min(pageCount, asked));
              Paging paging = new Paging(number, pageCount, all.size());
              List<PlatformServices.MatchJson> found =
                  all.subList((number - 1) * PER_PAGE, Math.min(all.size(), number * PER_PAGE));
              String home =
                  t.getT3().map(StoredProfile::profile).map(p -> p.outcode()).orElse(null);
              return Mono.zip(
                      organisations.displayNames(
                          found.stream().map(PlatformServices.MatchJson::employerId).toList()),
                      adverts.findAll(
                          found.stream().map(PlatformServices.MatchJson::vacancyId).toList(),
                          today))
                  .map(
                      names -> {
                        List<MatchCard> cards =
                            found.stream()
                                .map(
                                    m -> {
                                      Advert advert = names.getT2().get(m.vacancyId());
                                      return new MatchCard(
                                          m,
                                          names.getT1().getOrDefault(m.employerId(), "An employer"),
                                          place(advert, home),
                                          advert);
                                    })
                                .toList();
                        return pages.ok(
                            "matches",
                            "page",
                            t.getT1().in("matches"),
                            "cards",
                            cards,
                            "paging",
                            paging);
                      });
            });
  }

  @GetMapping("/matches/{vacancyId}")
  Mono<ResponseEntity<String>> role(
      @PathVariable String vacancyId,
      @AuthenticationPrincipal Jwt jwt,
      ServerWebExchange exchange) {
    LocalDate today = LocalDate.now(clock);
    return adverts
        .find(vacancyId, today)
        .flatMap(
            advert ->
                Mono.zip(
                        pages.page(exchange, advert.title()),
                        organisations.displayName(advert.employerId()),
                        services
                            .matches(jwt.getTokenValue(), jwt.getSubject())
                            .map(this::labelled)
                            .map(
                                all ->
                                    all.stream()
                                        .filter(m -> m.vacancyId().equals(vacancyId))
                                        .findFirst()),
                        profiles
                            .find(jwt.getSubject())
                            .map(p -> Optional.ofNullable(p.profile().outcode()))
                            .defaultIfEmpty(Optional.empty()))
                    .map(
                        t ->
                            pages.ok(
                                "role",
                                "page",
                                t.getT1().in("matches").back("/matches"),
                                "advert",
                                advert,
                                "employer",
                                t.getT2(),
                                "place",
                                place(advert, t.getT4().orElse(null)),
                                "match",
                                t.getT3().orElse(null))))
        .switchIfEmpty(
            Mono.fromSupplier(
                () ->
                    WebErrors.page(
                        HttpStatus.NOT_FOUND,
                        "Role not found",
                        "This role is not on Skillway. The employer may have removed it.")));
  }

  /** Matches name skills by ESCO id; a person reads their labels. */
  private List<PlatformServices.MatchJson> labelled(List<PlatformServices.MatchJson> matches) {
    return matches.stream()
        .map(
            m ->
                new PlatformServices.MatchJson(
                    m.matchId(),
                    m.vacancyId(),
                    m.vacancyTitle(),
                    m.employerId(),
                    m.employerName(),
                    m.status(),
                    m.score(),
                    m.parts() == null ? List.of() : m.parts(),
                    labels(m.matchedSkills()),
                    labels(m.missingSkills()),
                    labels(m.evidencedSkills()),
                    m.transferableSkills() == null
                        ? List.of()
                        : m.transferableSkills().stream()
                            .map(
                                t ->
                                    new PlatformServices.TransferableSkill(
                                        label(t.needed()), label(t.has()), t.proximity()))
                            .toList(),
                    m.pathways() == null
                        ? List.of()
                        : m.pathways().stream()
                            .map(
                                p ->
                                    new PlatformServices.PathwayStep(
                                        label(p.missingSkill()),
                                        p.kind(),
                                        p.vacancyId(),
                                        p.title(),
                                        p.relatedSkill() == null ? null : label(p.relatedSkill()),
                                        occupationLabel(p.fromOccupation()),
                                        occupationLabel(p.toOccupation())))
                            .toList()))
        .toList();
  }

  private List<String> labels(List<String> ids) {
    return ids == null ? List.of() : ids.stream().map(this::label).toList();
  }

  private String label(String id) {
    return id == null ? null : catalogue.label(id);
  }

  private String occupationLabel(String id) {
    return id == null ? null : catalogue.occupation(id).map(o -> o.preferredLabel()).orElse(null);
  }

  private String place(Advert advert, String home) {
    if (advert == null) {
      return null;
    }
    String where = advert.outcode();
    if (!advert.otherPlaces().isEmpty()) {
      where += " and " + advert.otherPlaces().size() + " other places";
    }
    if (advert.nationwide()) {
      where += ", or anywhere in the UK";
    }
    var km = outcodes.kilometres(home, advert.outcode());
    if (km.isPresent()) {
      long rounded = Math.round(km.getAsDouble());
      where += rounded < 1 ? " (close to you)" : " (about " + rounded + " km from you)";
    }
    return where;
  }
}
