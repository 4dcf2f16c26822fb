package org.skillway.notification.preference;

import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.Set;
import org.skillway.support.ApiProblemException;
import org.springframework.http.MediaType;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.util.HtmlUtils;
import reactor.core.publisher.Mono;

/**
 * A person's notification choices, and the one-click unsubscribe of every e-mail. Who may read or
 * change which preferences is decided in the security configuration; the unsubscribe link carries
 * its own signed token.
 */
@RestController
class PreferenceController {
  private final PreferenceStore store;
  private final UnsubscribeTokens tokens;

  PreferenceController(PreferenceStore store, UnsubscribeTokens tokens) {
    this.store = store;
    this.tokens = tokens;
  }

  /**
   * @param quietHours e.g. {@code {"start":"21:00","end":"08:00"}}, UK time
   */
  record PreferencesRequest(
      String email,
      Set<Channel> channels,
      Frequency frequency,
      QuietHoursRequest quietHours,
      Integer minimumScore) {}

  record QuietHoursRequest(String start, String end) {}

  @GetMapping("/api/v1/profiles/{profileId}/preferences")
  Mono<Preferences> get(@PathVariable String profileId) {
    return store.of(profileId);
  }

  @PutMapping("/api/v1/profiles/{profileId}/preferences")
  Mono<Preferences> put(@PathVariable String profileId, @RequestBody PreferencesRequest request) {
    Set<Channel> channels =
        request.channels() == null ? Set.of(Channel.IN_APP) : request.channels();
    if (channels.contains(Channel.WEBHOOK)) {
      throw ApiProblemException.invalid(
          "channels", "webhooks are for employers; use IN_APP or EMAIL");
    }
    String email = request.email() == null ? null : request.email().strip();
    if (email != null && !email.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+")
        || email != null && email.length() > 254) {
      throw ApiProblemException.invalid(
          "email", "must be an e-mail address such as name@example.org");
    }
    if (channels.contains(Channel.EMAIL) && email == null) {
      throw ApiProblemException.invalid("email", "is needed to receive e-mail");
    }
    int minimumScore = request.minimumScore() == null ? 0 : request.minimumScore();
    if (minimumScore < 0 || minimumScore > 100) {
      throw ApiProblemException.invalid("minimumScore", "must be between 0 and 100");
    }
    QuietHours quiet = null;
    if (request.quietHours() != null) {
      quiet =
          new QuietHours(
              time("quietHours.start", request.quietHours().start()),
              time("quietHours.end", request.quietHours().end()));
    }
    return store.save(
        new Preferences(profileId, email, channels, request.frequency(), quiet, minimumScore));
  }

  private static LocalTime time(String field, String value) {
    try {
      return LocalTime.parse(value);
    } catch (DateTimeParseException | NullPointerException e) {
      throw ApiProblemException.invalid(field, "must be a time of day such as 21:30");
    }
  }

  /** The page an unsubscribe link opens: one button, no sign-in. */
  @GetMapping(value = "/api/v1/unsubscribe", produces = MediaType.TEXT_HTML_VALUE)
  Mono<String> confirm(@RequestParam String token) {
    tokens.verify(token).orElseThrow(() -> ApiProblemException.invalid("token", "is not valid"));
    return Mono.just(
        "<!doctype html><html lang=\"en-GB\"><head><meta name=\"viewport\""
            + " content=\"width=device-width, initial-scale=1\"><title>Stop e-mails</title></head>"
            + "<body><h1>Stop Skillway e-mails?</h1><form method=\"post\" action=\"/api/v1/unsubscribe?token="
            + HtmlUtils.htmlEscape(token)
            + "\"><button type=\"submit\">Stop e-mails</button></form>"
            + "<p>You will still see your matches when you sign in.</p></body></html>");
  }

  /** RFC 8058 one-click unsubscribe: a POST to the link switches e-mail off at once. */
  @PostMapping(value = "/api/v1/unsubscribe", produces = MediaType.TEXT_PLAIN_VALUE)
  Mono<String> unsubscribe(@RequestParam String token) {
    String profileId =
        tokens
            .verify(token)
            .orElseThrow(() -> ApiProblemException.invalid("token", "is not valid"));
    return store
        .of(profileId)
        .flatMap(p -> store.save(p.withoutEmail()))
        .thenReturn("You will get no more e-mails from Skillway.");
  }
}
