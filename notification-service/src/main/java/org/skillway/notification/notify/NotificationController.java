package org.skillway.notification.notify;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import java.util.List;
import org.springframework.validation.annotation.Validated;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;

/** A person's in-app notifications. Who may read them is decided in the security configuration. */
@RestController
@Validated
class NotificationController {
  private final InAppNotifications inApp;

  NotificationController(InAppNotifications inApp) {
    this.inApp = inApp;
  }

  @GetMapping("/api/v1/profiles/{profileId}/notifications")
  Mono<NotificationPage> list(
      @PathVariable String profileId,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "20") @Min(1) @Max(100) int size) {
    return inApp
        .page(profileId, page, size)
        .collectList()
        .map(items -> new NotificationPage(profileId, page, size, items));
  }

  record NotificationPage(String profileId, int page, int size, List<InAppNotification> items) {}
}
