package org.skillway.ingest.web;

import java.util.Map;
import org.skillway.ingest.account.People;
import org.skillway.ingest.export.ExportController;
import org.skillway.support.SecretsCheck;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.security.oauth2.jwt.Jwt;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * A person's rights over their data (UK GDPR): a copy of everything held about them, from every
 * service, and erasure, which flows through the platform's events to every service.
 */
@Controller
@ResponseBody
class DataPages {
  private final Pages pages;
  private final ExportController exports;
  private final People people;
  private final boolean secure;

  DataPages(Pages pages, ExportController exports, People people, SecretsCheck secrets) {
    this.pages = pages;
    this.exports = exports;
    this.people = people;
    this.secure = !secrets.localMode();
  }

  @GetMapping("/your-data")
  Mono<ResponseEntity<String>> yourData(ServerWebExchange exchange) {
    return pages
        .page(exchange, "Your data")
        .map(page -> pages.ok("your-data", "page", page.in("data")));
  }

  /** The same JSON document as {@code GET /api/v1/me/export}, as a file to keep. */
  @GetMapping("/your-data/download")
  Mono<ResponseEntity<Map<String, Object>>> download(Authentication caller) {
    return exports.export(caller);
  }

  @GetMapping("/your-data/delete")
  Mono<ResponseEntity<String>> confirmDeletion(ServerWebExchange exchange) {
    return pages
        .page(exchange, "Are you sure you want to delete your account?")
        .map(page -> pages.ok("delete-account", "page", page.in("data").back("/your-data")));
  }

  @PostMapping("/your-data/delete")
  Mono<ResponseEntity<String>> delete(
      @AuthenticationPrincipal Jwt jwt, ServerWebExchange exchange) {
    return people
        .deleteAccount(jwt.getSubject())
        .then(
            Mono.fromSupplier(
                () -> {
                  SessionCookie.clear(exchange.getResponse(), secure);
                  return Pages.seeOther("/account-deleted");
                }));
  }
}
