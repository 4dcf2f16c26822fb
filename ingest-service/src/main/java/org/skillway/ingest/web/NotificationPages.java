package org.skillway.ingest.web;

import java.time.Duration;
import java.util.List;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * A person's in-app notifications: the list (viewing it marks them read), and, for the page's
 * script, the live stream of new ones, relayed from notification-service with the person's token.
 */
@Controller
@ResponseBody
class NotificationPages {
  private final Pages pages;
  private final PlatformServices services;

  NotificationPages(Pages pages, PlatformServices services) {
    this.pages = pages;
    this.services = services;
  }

  @GetMapping("/notifications")
  Mono<ResponseEntity<String>> list(@AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
    String token = jwt.getTokenValue();
    return Mono.zip(
            pages.page(exchange, "Notifications"), services.notifications(token, jwt.getSubject()))
        .flatMap(
            t -> {
              List<PlatformServices.Notice> items = t.getT2().items();
              ResponseEntity<String> shown =
                  pages.ok(
                      "notifications",
                      "page",
                      t.getT1().in("notifications"),
                      "items",
                      items,
                      "unread",
                      t.getT2().unread());
              // Shown as they were (unread ones marked), then recorded as read.
              return Flux.fromIterable(items)
                  .filter(n -> !n.read())
                  .concatMap(n -> services.markRead(token, jwt.getSubject(), n.id()))
                  .then(Mono.just(shown));
            });
  }

  /**
   * New notifications as Server-Sent Events; ends when the person's token does, and the script then
   * falls back to reloading.
   */
  @GetMapping(value = "/notifications/live", produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  Flux<ServerSentEvent<String>> live(@AuthenticationPrincipal Jwt jwt) {
    Duration left =
        jwt.getExpiresAt() == null
            ? Duration.ofMinutes(30)
            : Duration.between(java.time.Instant.now(), jwt.getExpiresAt());
    return services
        .live(jwt.getTokenValue())
        .take(left.isNegative() ? Duration.ZERO : left)
        .onErrorResume(failure -> Flux.empty());
  }
}
