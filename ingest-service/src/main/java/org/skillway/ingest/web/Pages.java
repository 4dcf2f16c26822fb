package org.skillway.ingest.web;

import gg.jte.ContentType;
import gg.jte.TemplateEngine;
import gg.jte.output.StringOutput;
import java.net.URI;
import java.util.LinkedHashMap;
import java.util.Map;
import org.springframework.http.CacheControl;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.authentication.AnonymousAuthenticationToken;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.security.web.server.csrf.CsrfToken;
import org.springframework.stereotype.Component;
import org.springframework.web.server.ServerWebExchange;
import reactor.core.publisher.Mono;

/**
 * Renders the precompiled templates (compiled from {@code src/main/jte} at build time, so a
 * template that does not fit its data fails the build, not a person's page) into HTML responses.
 * Pages hold personal data, so no page is cached.
 */
@Component
public class Pages {
  private static final TemplateEngine ENGINE = TemplateEngine.createPrecompiled(ContentType.Html);

  /** The frame of a page for this request: its form token and whether someone is signed in. */
  public Mono<Page> page(ServerWebExchange exchange, String heading) {
    Mono<CsrfToken> token = exchange.getAttribute(CsrfToken.class.getName());
    Mono<String> csrf = token == null ? Mono.just("") : token.map(CsrfToken::getToken);
    Mono<Boolean> signedIn =
        ReactiveSecurityContextHolder.getContext()
            .map(SecurityContext::getAuthentication)
            .map(Pages::isPerson)
            .defaultIfEmpty(false);
    return Mono.zip(csrf.defaultIfEmpty(""), signedIn)
        .map(t -> new Page(heading, t.getT2(), t.getT1(), Map.of(), null, null));
  }

  private static boolean isPerson(Authentication authentication) {
    return authentication.isAuthenticated()
        && !(authentication instanceof AnonymousAuthenticationToken);
  }

  /** The template {@code name}.jte with these parameters, answered with {@code status}. */
  public ResponseEntity<String> render(HttpStatus status, String name, Object... params) {
    return ResponseEntity.status(status)
        .contentType(HTML)
        .cacheControl(CacheControl.noStore())
        .body(html(name, params));
  }

  static final MediaType HTML =
      new MediaType(MediaType.TEXT_HTML, java.nio.charset.StandardCharsets.UTF_8);

  static String html(String name, Object... params) {
    Map<String, Object> byName = new LinkedHashMap<>();
    for (int i = 0; i < params.length; i += 2) {
      byName.put((String) params[i], params[i + 1]);
    }
    StringOutput out = new StringOutput();
    ENGINE.render(name + ".jte", byName, out);
    return out.toString();
  }

  public ResponseEntity<String> ok(String name, Object... params) {
    return render(HttpStatus.OK, name, params);
  }

  /**
   * After a form is accepted, a 303 to the next page, so reloading that page does not send the form
   * again.
   */
  public static ResponseEntity<String> seeOther(String location) {
    return ResponseEntity.status(HttpStatus.SEE_OTHER).location(URI.create(location)).build();
  }
}
