package org.skillway.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.UnknownHostException;
import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import reactor.core.scheduler.Schedulers;
import reactor.netty.http.client.HttpClient;

/**
 * The webhook client's name resolution, with a real reactor-netty client and a receiver on this
 * machine: a host whose name now resolves to a private address is not connected to.
 */
class WebhookAddressResolverGroupTest {
  private HttpServer receiver;
  private final AtomicInteger requests = new AtomicInteger();

  @BeforeEach
  void start() throws IOException {
    receiver = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
    receiver.createContext(
        "/hook",
        exchange -> {
          requests.incrementAndGet();
          exchange.sendResponseHeaders(204, -1);
          exchange.close();
        });
    receiver.start();
  }

  @AfterEach
  void stop() {
    receiver.stop(0);
  }

  /** "hooks.example.org" was public when registered; its DNS now answers with this machine. */
  private static InetAddress[] reboundToLoopback(String host) throws UnknownHostException {
    if (host.equals("hooks.example.org")) {
      return new InetAddress[] {InetAddress.getByName("127.0.0.1")};
    }
    throw new UnknownHostException(host);
  }

  private int post(boolean allowPrivate, String url) {
    WebhookAddressPolicy policy =
        new WebhookAddressPolicy(
            true, allowPrivate, WebhookAddressResolverGroupTest::reboundToLoopback);
    HttpClient client =
        HttpClient.create()
            .resolver(
                new WebhookAddressResolverGroup(
                    policy,
                    WebhookAddressResolverGroupTest::reboundToLoopback,
                    task -> Schedulers.boundedElastic().schedule(task)))
            .followRedirect(false)
            .noProxy();
    return client
        .post()
        .uri(url)
        .response()
        .map(response -> response.status().code())
        .block(Duration.ofSeconds(10));
  }

  @Test
  void aHostThatNowResolvesToAPrivateAddressIsNotConnectedTo() {
    String url = "http://hooks.example.org:" + receiver.getAddress().getPort() + "/hook";

    assertThatThrownBy(() -> post(false, url))
        .hasRootCauseInstanceOf(WebhookAddressResolverGroup.BlockedAddressException.class)
        .rootCause()
        .hasMessageContaining("127.0.0.1");
    assertThat(requests).hasValue(0);
  }

  @Test
  void aNumericPrivateAddressIsCheckedToo() {
    String url = "http://127.0.0.1:" + receiver.getAddress().getPort() + "/hook";

    assertThatThrownBy(() -> post(false, url))
        .hasRootCauseInstanceOf(WebhookAddressResolverGroup.BlockedAddressException.class);
    assertThat(requests).hasValue(0);
  }

  @Test
  void theCheckedAddressIsTheOneConnectedTo() {
    // Allowed (local mode), the made-up name reaches the receiver: the client connects to what
    // this resolver answered, not to what the system's DNS says.
    String url = "http://hooks.example.org:" + receiver.getAddress().getPort() + "/hook";

    assertThat(post(true, url)).isEqualTo(204);
    assertThat(requests).hasValue(1);
  }
}
