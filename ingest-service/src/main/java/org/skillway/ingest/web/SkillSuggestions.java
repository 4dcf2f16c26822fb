package org.skillway.ingest.web;

import java.util.List;
import org.skillway.ingest.skill.SkillCatalogue;
import org.skillway.ingest.system.RateLimits;
import org.springframework.http.CacheControl;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import org.springframework.web.server.ServerWebExchange;

/**
 * The skill autocomplete's look-up, open before sign-in (registration pages use it) and limited per
 * address. It answers from the taxonomy in memory: nobody's data is involved.
 */
@RestController
class SkillSuggestions {
  private static final int MOST = 10;

  private final SkillCatalogue catalogue;
  private final RateLimits rateLimits;

  SkillSuggestions(SkillCatalogue catalogue, RateLimits rateLimits) {
    this.catalogue = catalogue;
    this.rateLimits = rateLimits;
  }

  /**
   * @param id what the form sends for the skill
   */
  record Suggestion(String id, String label) {}

  @GetMapping(value = "/skills/suggest", produces = MediaType.APPLICATION_JSON_VALUE)
  ResponseEntity<List<Suggestion>> suggest(
      @RequestParam(name = "q", required = false) String q, ServerWebExchange exchange) {
    rateLimits.skillLookup(RateLimits.clientAddress(exchange));
    String typed = q == null ? "" : q.strip();
    List<Suggestion> found =
        typed.length() < 2 || typed.length() > 100
            ? List.of()
            : catalogue.suggest(typed, MOST).stream()
                .map(s -> new Suggestion(s.value(), s.label()))
                .toList();
    return ResponseEntity.ok()
        .cacheControl(CacheControl.maxAge(java.time.Duration.ofHours(1)))
        .body(found);
  }
}
