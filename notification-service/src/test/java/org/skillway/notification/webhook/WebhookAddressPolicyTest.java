package org.skillway.notification.webhook;

import static org.assertj.core.api.Assertions.assertThat;

import java.net.InetAddress;
import java.net.UnknownHostException;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class WebhookAddressPolicyTest {
  /** A fixed name table instead of DNS; numeric hosts resolve as Java would read them. */
  private static final Map<String, String[]> NAMES =
      Map.of(
          "hooks.example.org", new String[] {"203.0.113.10"},
          "localhost", new String[] {"127.0.0.1", "::1"},
          "split.example.org", new String[] {"203.0.113.11", "10.1.2.3"},
          "metadata.example.org", new String[] {"169.254.169.254"});

  private static InetAddress[] lookUp(String host) throws UnknownHostException {
    String[] known = NAMES.get(host);
    if (known == null) {
      if (host.matches("[0-9.]+") || host.contains(":")) {
        return new InetAddress[] {InetAddress.getByName(host)}; // a literal: no DNS
      }
      throw new UnknownHostException(host);
    }
    InetAddress[] addresses = new InetAddress[known.length];
    for (int i = 0; i < known.length; i++) {
      addresses[i] = InetAddress.getByName(known[i]);
    }
    return addresses;
  }

  private final WebhookAddressPolicy policy =
      new WebhookAddressPolicy(false, false, WebhookAddressPolicyTest::lookUp);

  private static Optional<String> reason(WebhookAddressPolicy policy, String url) {
    return policy.check(url).map(WebhookAddressPolicy.Refusal::reason);
  }

  @Test
  void aPublicHttpsUrlWithAPortIsAccepted() {
    assertThat(policy.check("https://hooks.example.org:8443/skillway?team=1")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "https://169.254.169.254/latest/meta-data/",
        "https://127.0.0.1:8080/actuator",
        "https://localhost:27017/",
        "https://[::1]:9092/",
        "https://0x7f000001/",
        "https://2130706433/",
        "https://017700000001/",
        "https://0177.0.0.1/",
        "https://127.1/",
        "https://10.0.0.1/",
        "https://172.16.5.4/",
        "https://192.168.1.1/",
        "https://100.64.0.1/",
        "https://0.0.0.0/",
        "https://0.1.2.3/",
        "https://[::]/",
        "https://[fe80::1]/",
        "https://[fd00::1]/",
        "https://[ff02::1]/",
        "https://224.0.0.1/",
        "https://255.255.255.255/",
        "https://[::ffff:127.0.0.1]/",
        "https://[::ffff:169.254.169.254]/",
        "https://[::127.0.0.1]/",
        "https://[64:ff9b::a00:1]/",
        "https://[2002:7f00:1::]/",
        "https://metadata.example.org/",
        "https://split.example.org/",
        "https://user:pw@127.0.0.1/",
        "https://user:pw@hooks.example.org/",
        "https://hooks.example.org/#part",
        "http://hooks.example.org/",
        "http://169.254.169.254/latest/meta-data/",
        "ftp://hooks.example.org/",
        "/relative/path",
        "https:///nohost",
        "https://unknown.example.org/",
        "not a url at all"
      })
  void refusesUrlsThatCouldReachThisMachineOrAPrivateNetwork(String url) {
    assertThat(policy.check(url)).isPresent();
  }

  @Test
  void everyReasonIsPlainEnglishNamingWhatIsWrong() {
    assertThat(reason(policy, "https://169.254.169.254/"))
        .hasValue(
            "points to a private, local or reserved address (169.254.169.254); use a public"
                + " address");
    assertThat(reason(policy, "https://2130706433/"))
        .hasValue("must name its host by name or as four numbers such as 203.0.113.10");
    assertThat(reason(policy, "https://user:pw@hooks.example.org/"))
        .hasValue("must not contain a user name or password; the requests are signed instead");
    assertThat(reason(policy, "https://hooks.example.org/#x"))
        .hasValue("must not have a fragment (the part after #)");
    assertThat(reason(policy, "http://hooks.example.org/"))
        .hasValue("must be an absolute https URL, such as https://example.org/skillway");
    assertThat(reason(policy, "https://unknown.example.org/"))
        .hasValue("names a host that cannot be found: unknown.example.org");
    assertThat(reason(policy, "https://split.example.org/"))
        .hasValue(
            "points to a private, local or reserved address (10.1.2.3); use a public address");
    assertThat(reason(policy, "https://hooks.example.org/" + "a".repeat(3000)))
        .hasValue("must be at most 2048 characters");
  }

  @Test
  void localModeMayUsePlainHttpToThisMachine() {
    WebhookAddressPolicy local =
        new WebhookAddressPolicy(true, true, WebhookAddressPolicyTest::lookUp);

    assertThat(local.check("http://127.0.0.1:8080/hook")).isEmpty();
    // Credentials and numeric forms stay refused even then.
    assertThat(local.check("http://user:pw@127.0.0.1/")).isPresent();
    assertThat(local.check("http://2130706433/")).isPresent();
  }

  @Test
  void plainHttpAloneDoesNotOpenPrivateAddresses() {
    WebhookAddressPolicy httpOnly =
        new WebhookAddressPolicy(true, false, WebhookAddressPolicyTest::lookUp);

    assertThat(httpOnly.check("http://hooks.example.org/")).isEmpty();
    assertThat(httpOnly.check("http://127.0.0.1:8080/")).isPresent();
  }
}
