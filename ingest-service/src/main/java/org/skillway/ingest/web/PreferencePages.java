package org.skillway.ingest.web;

import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.skillway.ingest.account.People;
import org.skillway.support.ApiProblemException;
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
 * How a person hears of matches: kept by notification-service, read and changed through its API
 * with the person's token. E-mail goes to the address they signed up with.
 */
@Controller
@ResponseBody
class PreferencePages {
  static final List<Choice> CHANNELS =
      Choice.of("IN_APP", "On Skillway, under Notifications", "EMAIL", "By e-mail");
  static final List<Choice> FREQUENCIES =
      Choice.of(
          "INSTANT",
          "Straight away",
          "DAILY",
          "Once a day, in one e-mail",
          "WEEKLY",
          "Once a week");
  private static final Map<String, String> LABELS =
      Map.of(
          "channels", "How we tell you",
          "frequency", "How often",
          "start", "Quiet hours",
          "end", "Quiet hours",
          "minimumScore", "Lowest score",
          "email", "E-mail address");

  private final Pages pages;
  private final PlatformServices services;
  private final People people;

  PreferencePages(Pages pages, PlatformServices services, People people) {
    this.pages = pages;
    this.services = services;
    this.people = people;
  }

  @GetMapping("/profile/notifications")
  Mono<ResponseEntity<String>> show(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
    return services
        .preferences(jwt.getTokenValue(), jwt.getSubject())
        .map(PreferencePages::formOf)
        .flatMap(form -> page(exchange, form));
  }

  @PostMapping("/profile/notifications")
  Mono<ResponseEntity<String>> save(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
    return Form.read(exchange)
        .flatMap(
            form -> {
              Set<String> channels = new LinkedHashSet<>();
              form.values("channels").stream()
                  .filter(c -> c.equals("IN_APP") || c.equals("EMAIL"))
                  .forEach(channels::add);
              String frequency = form.value("frequency");
              if (!Set.of("INSTANT", "DAILY", "WEEKLY").contains(frequency)) {
                form.error("frequency", "Select how often we should tell you");
              }
              String start = form.value("quietStart");
              String end = form.value("quietEnd");
              if (start.isEmpty() != end.isEmpty()) {
                form.error(
                    start.isEmpty() ? "quietStart" : "quietEnd",
                    "Enter both times of your quiet hours, like 21:00 and 08:00, or neither");
              }
              for (String field : List.of("quietStart", "quietEnd")) {
                String time = form.value(field);
                if (!time.isEmpty() && !time.matches("([01]?[0-9]|2[0-3]):[0-5][0-9]")) {
                  form.error(field, "Enter a time of day, like 21:00");
                }
              }
              Integer minimum = 0;
              if (!form.isBlank("minimumScore")) {
                minimum = Numbers.whole(form.value("minimumScore"));
                if (minimum == null || minimum < 0 || minimum > 100) {
                  form.error("minimumScore", "Enter a score from 0 to 100");
                }
              }
              if (form.hasErrors()) {
                return page(exchange, form);
              }
              int lowest = minimum;
              return people
                  .emailOf(jwt.getSubject())
                  .flatMap(
                      email ->
                          services.savePreferences(
                              jwt.getTokenValue(),
                              jwt.getSubject(),
                              new PlatformServices.Preferences(
                                  channels.contains("EMAIL") ? email : null,
                                  channels,
                                  frequency,
                                  start.isEmpty()
                                      ? null
                                      : new PlatformServices.QuietHours(pad(start), pad(end)),
                                  lowest)))
                  .thenReturn(Pages.seeOther("/profile"))
                  .onErrorResume(
                      ApiProblemException.class,
                      problem ->
                          page(exchange, FieldNames.apply(problem, form, LABELS, "channels")));
            });
  }

  private static String pad(String time) {
    return time.length() == 4 ? "0" + time : time;
  }

  private static Form formOf(PlatformServices.Preferences p) {
    Form form = Form.empty();
    if (p.channels() != null) {
      form.withAll("channels", List.copyOf(p.channels()));
    }
    form.with("frequency", p.frequency() == null ? "INSTANT" : p.frequency());
    if (p.quietHours() != null) {
      form.with("quietStart", hhmm(p.quietHours().start()))
          .with("quietEnd", hhmm(p.quietHours().end()));
    }
    if (p.minimumScore() != null && p.minimumScore() > 0) {
      form.with("minimumScore", p.minimumScore().toString());
    }
    return form;
  }

  private static String hhmm(String time) {
    return time == null || time.length() < 5 ? time : time.substring(0, 5);
  }

  private Mono<ResponseEntity<String>> page(ServerWebExchange exchange, Form form) {
    return pages
        .page(exchange, "How we tell you about matches")
        .map(
            page ->
                pages.ok(
                    "preferences",
                    "page",
                    page.in("profile").back("/profile").withErrors(form),
                    "form",
                    form,
                    "channels",
                    CHANNELS,
                    "frequencies",
                    FREQUENCIES));
  }
}
