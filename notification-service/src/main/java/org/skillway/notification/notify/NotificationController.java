package org.skillway.notification.notify;

import java.security.Principal;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.concurrent.atomic.AtomicReference;
import org.skillway.notification.system.Numbers;
import org.skillway.support.ApiProblemException;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.http.codec.ServerSentEvent;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/** A person's in-app notifications. Who may read them is decided in the security configuration. */
@RestController
class NotificationController {
  private static final Duration POLL = Duration.ofSeconds(1);
  private static final Duration HEARTBEAT = Duration.ofSeconds(15);
  static final int MAX_PAGE_SIZE = 100;

  /** Far beyond anyone's notifications, and small enough that page * size cannot overflow. */
  static final int MAX_PAGE = 100_000;

  private final InAppNotifications inApp;
  private final Clock clock;

  NotificationController(InAppNotifications inApp, Clock clock) {
    this.inApp = inApp;
    this.clock = clock;
  }

  @GetMapping("/api/v1/profiles/{profileId}/notifications")
  Mono<NotificationPage> list(
      @PathVariable String profileId,
      @RequestParam(name = "page", required = false) String pageParameter,
      @RequestParam(name = "size", required = false) String sizeParameter) {
    // Read as text, so that "abc" or -1 is answered naming the parameter.
    int page = Numbers.parameterBetween("page", pageParameter, 0, 0, MAX_PAGE);
    int size = Numbers.parameterBetween("size", sizeParameter, 20, 1, MAX_PAGE_SIZE);
    return Mono.zip(inApp.page(profileId, page, size).collectList(), inApp.unread(profileId))
        .map(t -> new NotificationPage(profileId, page, size, t.getT2(), t.getT1()));
  }

  record NotificationPage(
      String profileId, int page, int size, long unread, List<InAppNotification> items) {}

  record ReadState(Boolean read) {}

  @PatchMapping("/api/v1/profiles/{profileId}/notifications/{notificationId}")
  Mono<ResponseEntity<Void>> markRead(
      @PathVariable String profileId,
      @PathVariable String notificationId,
      @RequestBody(required = false) ReadState state) {
    if (state == null || state.read() == null) {
      throw ApiProblemException.invalid("read", "is required: true or false");
    }
    return inApp
        .markRead(profileId, notificationId, state.read())
        .flatMap(
            found ->
                found
                    ? Mono.just(ResponseEntity.noContent().<Void>build())
                    : Mono.error(
                        new ApiProblemException(
                            HttpStatus.NOT_FOUND, "No such notification", List.of())));
  }

  /**
   * The signed-in person's new in-app notifications, live, as Server-Sent Events: one event per
   * notification ({@code event:} its kind, {@code id:} its id, {@code data:} the notification), and
   * a comment every 15 s to keep the connection open. Read from the store, so any instance serves
   * any person.
   */
  @GetMapping(
      value = "/api/v1/me/notifications/stream",
      produces = MediaType.TEXT_EVENT_STREAM_VALUE)
  Flux<ServerSentEvent<InAppNotification>> stream(Principal principal) {
    String profileId = principal.getName();
    AtomicReference<Instant> seen = new AtomicReference<>(clock.instant());
    Flux<ServerSentEvent<InAppNotification>> notifications =
        Flux.interval(Duration.ZERO, POLL)
            .concatMap(
                tick ->
                    inApp
                        .since(profileId, seen.get())
                        .doOnNext(
                            n ->
                                seen.accumulateAndGet(
                                    n.createdAt(), (a, b) -> a.isAfter(b) ? a : b)))
            .map(n -> ServerSentEvent.builder(n).id(n.id()).event(n.kind()).build());
    Flux<ServerSentEvent<InAppNotification>> heartbeats =
        Flux.interval(Duration.ZERO, HEARTBEAT)
            .map(t -> ServerSentEvent.<InAppNotification>builder().comment("keep-alive").build());
    return Flux.merge(notifications, heartbeats);
  }
}
