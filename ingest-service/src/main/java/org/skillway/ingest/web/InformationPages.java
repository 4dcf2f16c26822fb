package org.skillway.ingest.web;

import org.springframework.http.ResponseEntity;
import org.springframework.stereotype.Controller;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.ResponseBody;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/** The pages anyone may read: the start page, the accessibility statement, the privacy notice. */
@Controller
@ResponseBody
class InformationPages {
  private final Pages pages;

  InformationPages(Pages pages) {
    this.pages = pages;
  }

  @GetMapping("/")
  Mono<ResponseEntity<String>> start(ServerWebExchange exchange) {
    return show(exchange, "Find work and training in North West England", "start");
  }

  @GetMapping("/accessibility")
  Mono<ResponseEntity<String>> accessibility(ServerWebExchange exchange) {
    return show(exchange, "Accessibility statement for Skillway", "accessibility");
  }

  @GetMapping("/privacy")
  Mono<ResponseEntity<String>> privacy(ServerWebExchange exchange) {
    return show(exchange, "How Skillway uses your data", "privacy");
  }

  @GetMapping("/account-deleted")
  Mono<ResponseEntity<String>> deleted(ServerWebExchange exchange) {
    return show(exchange, "Your account has been deleted", "account-deleted");
  }

  private Mono<ResponseEntity<String>> show(
      ServerWebExchange exchange, String heading, String template) {
    return pages.page(exchange, heading).map(page -> pages.ok(template, "page", page));
  }
}
