package org.skillway.local;

import static java.nio.charset.StandardCharsets.UTF_8;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Map;

/**
 * Plain HTTP with nothing added: the path and query are sent as given (already encoded), headers
 * exactly as listed, and the body as bytes. A test of what a service answers to odd requests must
 * not have a client that tidies the request first. A live stream ({@code text/event-stream}) is
 * answered as soon as its headers arrive, and then closed.
 */
final class RawHttp {
  record Response(int status, String contentType, String body, java.net.http.HttpHeaders all) {
    Response(int status, String contentType, String body) {
      this(status, contentType, body, java.net.http.HttpHeaders.of(Map.of(), (a, b) -> true));
    }

    /** The header's first value; null when absent. */
    String header(String name) {
      return all.firstValue(name).orElse(null);
    }

    java.util.List<String> headers(String name) {
      return all.allValues(name);
    }
  }

  private final Duration timeout;

  RawHttp() {
    this(Duration.ofSeconds(30));
  }

  RawHttp(Duration timeout) {
    this.timeout = timeout;
  }

  private final HttpClient client =
      HttpClient.newBuilder()
          .version(HttpClient.Version.HTTP_1_1)
          .connectTimeout(Duration.ofSeconds(5))
          .build();

  Response send(
      int port, String method, String pathAndQuery, Map<String, String> headers, byte[] body) {
    HttpRequest.Builder request =
        HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + pathAndQuery))
            .timeout(timeout)
            .method(
                method,
                body == null
                    ? HttpRequest.BodyPublishers.noBody()
                    : HttpRequest.BodyPublishers.ofByteArray(body));
    headers.forEach(request::header);
    try {
      HttpResponse<InputStream> response =
          client.send(request.build(), HttpResponse.BodyHandlers.ofInputStream());
      String contentType = response.headers().firstValue("Content-Type").orElse("");
      try (InputStream in = response.body()) {
        String text =
            contentType.startsWith("text/event-stream") ? "" : new String(in.readAllBytes(), UTF_8);
        return new Response(response.statusCode(), contentType, text, response.headers());
      }
    } catch (IOException e) {
      throw new UncheckedIOException(method + " " + pathAndQuery + " failed", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  Response send(int port, String method, String pathAndQuery, Map<String, String> headers) {
    return send(port, method, pathAndQuery, headers, null);
  }
}
