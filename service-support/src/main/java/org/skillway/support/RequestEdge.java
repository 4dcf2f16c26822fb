package org.skillway.support;

import java.util.Objects;
import org.springframework.core.Ordered;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.HttpStatusCode;
import org.springframework.http.InvalidMediaTypeException;
import org.springframework.http.MediaType;
import org.springframework.http.server.reactive.ServerHttpRequest;
import org.springframework.web.server.ServerWebExchange;
import org.springframework.web.server.WebFilter;
import org.springframework.web.server.WebFilterChain;
import reactor.core.publisher.Mono;

/**
 * What every request meets first, before security and routing:
 *
 * <ul>
 *   <li>an address longer than {@link #MAX_URI_LENGTH} characters is refused with a 414 problem,
 *       and its connection closed;
 *   <li>an {@code Accept} header that does not parse is treated as absent, so the answer (often a
 *       problem) is not lost to content negotiation;
 *   <li>an error answered before the request's body was read closes the connection: the unread body
 *       would otherwise sit in front of the client's next request on a kept-alive connection, which
 *       then waited for an answer that never came (found by {@code EndpointFuzzIT}).
 * </ul>
 */
public class RequestEdge implements WebFilter, Ordered {
  /** Longer than any Skillway address needs. */
  public static final int MAX_URI_LENGTH = 8192;

  @Override
  public int getOrder() {
    return -200; // before Spring Security's chain (-100)
  }

  @Override
  public Mono<Void> filter(ServerWebExchange exchange, WebFilterChain chain) {
    ServerHttpRequest request = exchange.getRequest();
    closeAfterAnErrorWithABody(exchange);
    int length =
        request.getURI().getRawPath().length()
            + Objects.requireNonNullElse(request.getURI().getRawQuery(), "").length();
    if (length > MAX_URI_LENGTH) {
      // And the connection is not kept: the request after a 414 on the same connection once got no
      // answer (EndpointFuzzIT in CI), which could not be reproduced by hand.
      exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
      return ProblemResponses.write(
          exchange,
          HttpStatus.URI_TOO_LONG,
          "Address too long",
          "The address of this request is longer than "
              + MAX_URI_LENGTH
              + " characters; no Skillway address needs that many.");
    }
    if (!acceptParses(request.getHeaders())) {
      exchange =
          exchange.mutate().request(r -> r.headers(h -> h.remove(HttpHeaders.ACCEPT))).build();
    }
    return chain.filter(exchange);
  }

  private static boolean acceptParses(HttpHeaders headers) {
    try {
      for (String accept : headers.getOrEmpty(HttpHeaders.ACCEPT)) {
        MediaType.parseMediaTypes(accept);
      }
      return true;
    } catch (InvalidMediaTypeException e) {
      return false;
    }
  }

  private static void closeAfterAnErrorWithABody(ServerWebExchange exchange) {
    HttpHeaders requestHeaders = exchange.getRequest().getHeaders();
    boolean hasBody =
        requestHeaders.getContentLength() > 0
            || requestHeaders.containsHeader(HttpHeaders.TRANSFER_ENCODING);
    if (!hasBody) {
      return;
    }
    exchange
        .getResponse()
        .beforeCommit(
            () -> {
              HttpStatusCode status = exchange.getResponse().getStatusCode();
              if (status != null && status.isError()) {
                exchange.getResponse().getHeaders().set(HttpHeaders.CONNECTION, "close");
              }
              return Mono.empty();
            });
  }
}
