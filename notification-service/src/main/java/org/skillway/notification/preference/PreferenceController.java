package org.skillway.notification.preference;

import java.math.BigDecimal;
import java.time.LocalTime;
import java.time.format.DateTimeParseException;
import java.util.List;
import java.util.Objects;
import java.util.Set;
import org.skillway.notification.privacy.ErasedProfiles;
import org.skillway.notification.system.Numbers;
import org.skillway.support.ApiProblemException;
import org.springframework.http.HttpStatus;
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
  private final ErasedProfiles erased;

  PreferenceController(PreferenceStore store, UnsubscribeTokens tokens, ErasedProfiles erased) {
    this.store = store;
    this.tokens = tokens;
    this.erased = erased;
  }

  /**
   * @param quietHours e.g. {@code {"start":"21:00","end":"08:00"}}, UK time
   */
  record PreferencesRequest(
      String email,
      Set<Channel> channels,
      Frequency frequency,
      QuietHoursRequest quietHours,
      BigDecimal minimumScore) {}

  record QuietHoursRequest(String start, String end) {}

  @GetMapping("/api/v1/profiles/{profileId}/preferences")
  Mono<Preferences> get(@PathVariable String profileId) {
    return store.of(profileId);
  }

  @PutMapping("/api/v1/profiles/{profileId}/preferences")
  Mono<Preferences> put(
      @PathVariable String profileId, @RequestBody(required = false) PreferencesRequest request) {
    if (request == null) {
      throw ApiProblemException.invalid("body", "is required");
    }
    Set<Channel> channels =
        request.channels() == null ? Set.of(Channel.IN_APP) : request.channels();
    if (channels.stream().anyMatch(Objects::isNull)) {
      throw ApiProblemException.invalid("channels", "must list IN_APP or EMAIL, without null");
    }
    if (channels.contains(Channel.WEBHOOK)) {
      throw ApiProblemException.invalid(
          "channels", "webhooks are for employers; use IN_APP or EMAIL");
    }
    String email = request.email() == null ? null : request.email().strip();
    // The length first: the pattern need not scan a huge string.
    if (email != null
        && (email.length() > 254 || !email.matches("[^@\\s]{1,64}@[^@\\s]+\\.[^@\\s]+"))) {
      throw ApiProblemException.invalid(
          "email", "must be an e-mail address such as name@example.org");
    }
    if (channels.contains(Channel.EMAIL) && email == null) {
      throw ApiProblemException.invalid("email", "is needed to receive e-mail");
    }
    int minimumScore =
        request.minimumScore() == null
            ? 0
            : Numbers.wholeBetween("minimumScore", request.minimumScore(), 0, 100);
    QuietHours quiet = null;
    if (request.quietHours() != null) {
      quiet =
          new QuietHours(
              time("quietHours.start", request.quietHours().start()),
              time("quietHours.end", request.quietHours().end()));
    }
    Preferences chosen =
        new Preferences(profileId, email, channels, request.frequency(), quiet, minimumScore);
    return erased
        .isErased(profileId)
        .flatMap(
            gone ->
                gone
                    ? Mono.error(
                        new ApiProblemException(
                            HttpStatus.NOT_FOUND, "This profile has been erased", List.of()))
                    : store.save(chosen));
  }

  private static LocalTime time(String field, String value) {
    if (value == null || value.length() > 8) {
      throw ApiProblemException.invalid(field, "must be a time of day such as 21:30");
    }
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
    // Only stored choices change: someone who never chose e-mail (or was erased) gets none anyway.
    return store
        .stored(profileId)
        .flatMap(p -> store.save(p.withoutEmail()))
        .thenReturn("You will get no more e-mails from Skillway.");
  }
}
