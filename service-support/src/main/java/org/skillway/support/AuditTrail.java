package org.skillway.support;

import java.time.Clock;
import java.time.Instant;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.security.core.Authentication;
import org.springframework.security.core.context.ReactiveSecurityContextHolder;
import org.springframework.security.core.context.SecurityContext;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * Records every request an operator makes, before it is served: who, when, which service, the
 * method and the path (never the query or the body, which may hold personal data). Operators read
 * what they need to support people; this is how that stays accountable. The log is append-only: no
 * endpoint of any service changes or deletes it, and if it cannot be written the request is refused
 * rather than served unrecorded.
 */
public class AuditTrail implements WebFilter {
  private static final Logger LOG = LoggerFactory.getLogger("skillway.audit");

  /**
   * One operator request. Kept in each service's own database, collection {@code operator_audit}.
   */
  @Document("operator_audit")
  public record Entry(
      @Id String id, Instant at, String service, String operator, String method, String path) {}

  private final ReactiveMongoTemplate mongo;
  private final Clock clock;
  private final String service;

  public AuditTrail(ReactiveMongoTemplate mongo, Clock clock, String service) {
    this.mongo = mongo;
    this.clock = clock;
    this.service = service;
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    return ReactiveSecurityContextHolder.getContext()
        .mapNotNull(SecurityContext::getAuthentication)
        .filter(auth -> auth.isAuthenticated() && SecurityDefaults.isOperator(auth))
        .flatMap(operator -> record(operator, exchange).thenReturn(true))
        .defaultIfEmpty(false)
        .flatMap(recorded -> chain.filter(exchange));
  }

  private Mono<Entry> record(Authentication operator, ServerWebExchange exchange) {
    Entry entry =
        new Entry(
            UUID.randomUUID().toString(),
            clock.instant(),
            service,
            SecurityDefaults.callerId(operator),
            exchange.getRequest().getMethod().name(),
            exchange.getRequest().getPath().value());
    return mongo
        .insert(entry)
        .doOnNext(
            saved ->
                LOG.info(
                    "operator {} {} {} on {}",
                    saved.operator(),
                    saved.method(),
                    saved.path(),
                    service));
  }
}
