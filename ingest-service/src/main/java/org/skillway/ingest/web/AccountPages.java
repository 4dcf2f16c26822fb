package org.skillway.ingest.web;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.skillway.events.Pathway;
import org.skillway.events.Seniority;
import org.skillway.ingest.account.People;
import org.skillway.ingest.profile.PathwayDetails;
import org.skillway.ingest.profile.ProfileRequest;
import org.skillway.ingest.system.RateLimits;
import org.skillway.ingest.token.TokenIssuer.IssuedToken;
import org.skillway.support.ApiProblemException;
import org.skillway.support.RateLimitedException;
import org.skillway.support.SecretsCheck;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** Creating an account, signing in and out, and claiming an account a university created. */
@Controller
@ResponseBody
class AccountPages {
  static final List<Choice> PATHWAYS =
      List.of(
          new Choice(
              "STUDENT",
              "I am at school, college or university, or have just left",
              "Apprenticeships, placements and graduate roles",
              1),
          new Choice(
              "RETRAINER",
              "I want to change career",
              "Roles your skills already reach, and how to close the gap",
              2),
          new Choice(
              "EXPERIENCED",
              "I have 5 or more years of experience",
              "Senior roles that employers in the region find hard to fill",
              3));

  static final List<Choice> STAGES =
      Choice.of(
          "SCHOOL_LEAVER",
          "Leaving school or college",
          "UNDERGRADUATE",
          "At university",
          "GRADUATE",
          "Graduated");

  static final List<Choice> SENIORITIES =
      Choice.of("ENTRY", "Entry level", "MID", "Mid level", "SENIOR", "Senior");

  private static final Map<String, String> DETAIL_LABELS =
      Map.ofEntries(
          Map.entry("email", "E-mail address"),
          Map.entry("password", "Password"),
          Map.entry("outcode", "Postcode area"),
          Map.entry("stage", "Where you are in your education"),
          Map.entry("course", "Course"),
          Map.entry("institution", "School, college or university"),
          Map.entry("occupation", "Your current or last job"),
          Map.entry("seniority", "Your level"),
          Map.entry("yearsExperience", "Years of experience"),
          Map.entry("consentToMatch", "Matching"));

  private final Pages pages;
  private final People people;
  private final boolean secure;

  AccountPages(Pages pages, People people, SecretsCheck secrets) {
    this.pages = pages;
    this.people = people;
    this.secure = !secrets.localMode();
  }

  @GetMapping("/create-account")
  Mono<ResponseEntity<String>> choosePathway(ServerWebExchange exchange) {
    return pathwayPage(exchange, Form.empty());
  }

  @PostMapping("/create-account")
  Mono<ResponseEntity<String>> pathwayChosen(ServerWebExchange exchange) {
    return Form.read(exchange)
        .flatMap(
            form -> {
              Pathway pathway = pathwayOf(form.value("pathway"));
              if (pathway == null) {
                return pathwayPage(
                    exchange, form.error("pathway", "Select how you want to use Skillway"));
              }
              return Mono.just(Pages.seeOther("/create-account/details?pathway=" + pathway));
            });
  }

  private Mono<ResponseEntity<String>> pathwayPage(ServerWebExchange exchange, Form form) {
    return pages
        .page(exchange, "How do you want to use Skillway?")
        .map(
            page ->
                pages.ok(
                    "create-account",
                    "page",
                    page.back("/").withErrors(form),
                    "form",
                    form,
                    "pathways",
                    PATHWAYS));
  }

  @GetMapping("/create-account/details")
  Mono<ResponseEntity<String>> details(
      @RequestParam(required = false) String pathway, ServerWebExchange exchange) {
    Pathway chosen = pathwayOf(pathway);
    if (chosen == null) {
      return Mono.just(Pages.seeOther("/create-account"));
    }
    return detailsPage(exchange, chosen, Form.empty().with("consentToMatch", "true"));
  }

  @PostMapping("/create-account/details")
  Mono<ResponseEntity<String>> register(
      @RequestParam(required = false) String pathway, ServerWebExchange exchange) {
    Pathway chosen = pathwayOf(pathway);
    if (chosen == null) {
      return Mono.just(Pages.seeOther("/create-account"));
    }
    return Form.read(exchange)
        .flatMap(
            form -> {
              requireDetails(form, chosen);
              if (form.hasErrors()) {
                return detailsPage(exchange, chosen, form);
              }
              return people
                  .register(
                      form.value("email"),
                      form.raw("password"),
                      request(form, chosen),
                      RateLimits.clientAddress(exchange))
                  .map(token -> signedIn(exchange, token, "/profile/skills"))
                  .onErrorResume(
                      ApiProblemException.class,
                      problem ->
                          detailsPage(
                              exchange,
                              chosen,
                              FieldNames.apply(problem, form, DETAIL_LABELS, "email")));
            });
  }

  private static void requireDetails(Form form, Pathway pathway) {
    if (form.isBlank("email")) {
      form.error("email", "Enter your e-mail address");
    } else if (!form.value("email").matches("[^@\\s]+@[^@\\s]+\\.[^@\\s]+")) {
      form.error("email", "Enter an e-mail address in the correct format, like name@example.com");
    }
    requirePassword(form);
    if (form.isBlank("outcode")) {
      form.error("outcode", "Enter the first part of your postcode, like M1 or PR1");
    }
    switch (pathway) {
      case STUDENT -> {
        if (form.isBlank("stage")) {
          form.error("stage", "Select where you are in your education");
        }
      }
      case RETRAINER -> {
        if (form.isBlank("occupation")) {
          form.error("occupation", "Enter your current or last job, like shop assistant");
        }
      }
      case EXPERIENCED -> {
        if (form.isBlank("seniority")) {
          form.error("seniority", "Select your level");
        }
        Integer years = Numbers.whole(form.value("yearsExperience"));
        if (years == null || years < 5 || years > 70) {
          form.error("yearsExperience", "Enter your years of experience as a number from 5 to 70");
        }
      }
    }
  }

  private static ProfileRequest request(Form form, Pathway pathway) {
    return new ProfileRequest(
        pathway,
        List.of(),
        form.value("outcode"),
        form.checked("consentToMatch", "true"),
        pathway == Pathway.EXPERIENCED ? Numbers.whole(form.value("yearsExperience")) : null,
        null,
        null,
        null,
        null,
        null,
        pathway == Pathway.STUDENT
            ? new PathwayDetails.Student(
                PathwayDetails.Stage.valueOf(form.value("stage")),
                blankToNull(form.value("course")),
                blankToNull(form.value("institution")),
                null)
            : null,
        pathway == Pathway.RETRAINER
            ? new PathwayDetails.Retrainer(
                form.value("occupation"), form.checked("willingToTrain", "true"))
            : null,
        pathway == Pathway.EXPERIENCED
            ? new PathwayDetails.Experienced(Seniority.valueOf(form.value("seniority")))
            : null,
        null,
        null,
        null,
        null,
        false);
  }

  private Mono<ResponseEntity<String>> detailsPage(
      ServerWebExchange exchange, Pathway pathway, Form form) {
    return pages
        .page(exchange, "Create your account")
        .map(
            page ->
                pages.ok(
                    "create-account-details",
                    "page",
                    page.back("/create-account").withErrors(form),
                    "form",
                    form,
                    "pathway",
                    pathway,
                    "stages",
                    STAGES,
                    "seniorities",
                    SENIORITIES));
  }

  @GetMapping("/sign-in")
  Mono<ResponseEntity<String>> signInPage(
      @RequestParam(required = false) String ended, ServerWebExchange exchange) {
    return signInPage(exchange, Form.empty(), ended != null);
  }

  @PostMapping("/sign-in")
  Mono<ResponseEntity<String>> signIn(ServerWebExchange exchange) {
    return Form.read(exchange)
        .flatMap(
            form -> {
              String password = form.raw("password");
              if (form.isBlank("email")) {
                form.error("email", "Enter your e-mail address");
              }
              if (password.isEmpty()) {
                form.error("password", "Enter your password");
              }
              if (form.hasErrors()) {
                return signInPage(exchange, form, false);
              }
              return people
                  .signIn(form.value("email"), password, RateLimits.clientAddress(exchange))
                  .map(token -> signedIn(exchange, token, "/matches"))
                  .onErrorResume(
                      ApiProblemException.class,
                      problem ->
                          signInPage(exchange, form.error("email", problem.getMessage()), false))
                  .onErrorResume(
                      RateLimitedException.class,
                      limited ->
                          signInPage(exchange, form.error("email", limited.getMessage()), false));
            });
  }

  private Mono<ResponseEntity<String>> signInPage(
      ServerWebExchange exchange, Form form, boolean ended) {
    return pages
        .page(exchange, "Sign in")
        .map(
            page ->
                pages.ok(
                    "sign-in",
                    "page",
                    page.back("/").withErrors(form),
                    "form",
                    form,
                    "ended",
                    ended));
  }

  @PostMapping("/sign-out")
  Mono<ResponseEntity<String>> signOut(
      @AuthenticationPrincipal Jwt token, ServerWebExchange exchange) {
    return people
        .signOutEverywhere(token.getSubject(), token.getId(), token.getExpiresAt())
        .then(
            Mono.fromSupplier(
                () -> {
                  SessionCookie.clear(exchange.getResponse(), secure);
                  // The tokens this connection carried are refused from now on; it is not kept
                  // (see SignInRedirect).
                  exchange
                      .getResponse()
                      .getHeaders()
                      .set(org.springframework.http.HttpHeaders.CONNECTION, "close");
                  return Pages.seeOther("/");
                }));
  }

  /**
   * The link in an invitation e-mail. The token moves into a short-lived cookie and the browser
   * goes on to {@code /claim}, so it leaves the address bar, the history and any shared screenshot.
   */
  @GetMapping(value = "/claim", params = "token")
  Mono<ResponseEntity<String>> followInvitation(
      @RequestParam String token, ServerWebExchange exchange) {
    if (!CLAIM_TOKEN.matcher(token).matches()) {
      // Not a link Skillway sent (they are URL-safe Base64): nothing to keep, and no cookie could
      // hold it.
      return claimPage(
          exchange,
          Form.empty()
              .error(
                  "password",
                  "This link is not complete. Open the link in your invitation e-mail again, or"
                      + " ask your university to send you a new one"));
    }
    exchange
        .getResponse()
        .addCookie(SessionCookie.cookie(SessionCookie.CLAIM, token, Duration.ofHours(1), secure));
    return Mono.just(Pages.seeOther("/claim"));
  }

  /** What an invitation link's token can be: URL-safe Base64, as {@code Invitations} makes it. */
  private static final java.util.regex.Pattern CLAIM_TOKEN =
      java.util.regex.Pattern.compile("[A-Za-z0-9_-]{16,128}");

  @GetMapping(value = "/claim", params = "!token")
  Mono<ResponseEntity<String>> claimPage(ServerWebExchange exchange) {
    return claimPage(exchange, Form.empty());
  }

  @PostMapping("/claim")
  Mono<ResponseEntity<String>> claim(ServerWebExchange exchange) {
    var cookie = exchange.getRequest().getCookies().getFirst(SessionCookie.CLAIM);
    return Form.read(exchange)
        .flatMap(
            form -> {
              String password = form.raw("password");
              if (cookie == null || cookie.getValue().isBlank()) {
                return claimPage(
                    exchange,
                    form.error(
                        "password",
                        "Open the link in your invitation e-mail again; this page has expired"));
              }
              if (requirePassword(form).hasErrors()) {
                return claimPage(exchange, form);
              }
              return people
                  .claim(cookie.getValue(), password, RateLimits.clientAddress(exchange))
                  .map(
                      token -> {
                        exchange
                            .getResponse()
                            .addCookie(
                                SessionCookie.cookie(
                                    SessionCookie.CLAIM, "", Duration.ZERO, secure));
                        return signedIn(exchange, token, "/profile");
                      })
                  .onErrorResume(
                      ApiProblemException.class,
                      problem ->
                          claimPage(
                              exchange,
                              form.error(
                                  "password",
                                  "This invitation link cannot be used: "
                                      + (problem.errors().isEmpty()
                                          ? problem.getMessage()
                                          : problem.errors().get(0).reason()))));
            });
  }

  private Mono<ResponseEntity<String>> claimPage(ServerWebExchange exchange, Form form) {
    return pages
        .page(exchange, "Set your password")
        .map(page -> pages.ok("claim", "page", page.withErrors(form), "form", form));
  }

  private ResponseEntity<String> signedIn(
      ServerWebExchange exchange, IssuedToken token, String next) {
    SessionCookie.set(
        exchange.getResponse(), token.accessToken(), Duration.ofSeconds(token.expiresIn()), secure);
    return Pages.seeOther(next);
  }

  /** The rule the API applies too ({@code People}), worded for the form. */
  private static Form requirePassword(Form form) {
    int length = form.raw("password").length();
    if (length < 12 || length > 128) {
      form.error(
          "password",
          "Password must be 12 to 128 characters; three random words make a strong one");
    }
    return form;
  }

  private static Pathway pathwayOf(String value) {
    try {
      return value == null ? null : Pathway.valueOf(value);
    } catch (IllegalArgumentException unknown) {
      return null;
    }
  }

  static String blankToNull(String value) {
    return value == null || value.isBlank() ? null : value;
  }
}
