package org.skillway.notification.webhook;

import java.net.Inet4Address;
import java.net.Inet6Address;
import java.net.InetAddress;
import java.net.URI;
import java.net.URISyntaxException;
import java.net.UnknownHostException;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Where a webhook may point. An employer's URL is fetched by this service, from inside the
 * platform's network, so a URL naming this machine, the cloud metadata address or a private network
 * would let anyone who registers a webhook make requests there (server-side request forgery). The
 * rules are checked when the URL is registered and again, on the address actually connected to, at
 * every delivery ({@link WebhookAddressResolverGroup}), because a name can resolve elsewhere later.
 *
 * <p>Pure rules: the name lookup is a function handed in, so tests need no DNS.
 */
public final class WebhookAddressPolicy {
  public static final int MAX_URL_LENGTH = 2048;

  /** Looks a host name up; a host that does not resolve throws. */
  @FunctionalInterface
  public interface Resolver {
    InetAddress[] resolve(String host) throws UnknownHostException;
  }

  /** Why a URL or address is refused, in words an employer can act on. */
  public record Refusal(String reason) {}

  /** Digits, hex and dots only: a number that some resolvers read as an address. */
  private static final Pattern NUMERIC_HOST =
      Pattern.compile("(0x[0-9a-f]*|[0-9]+)(\\.(0x[0-9a-f]*|[0-9]*))*", Pattern.CASE_INSENSITIVE);

  private static final Pattern DOTTED_QUAD =
      Pattern.compile(
          "((25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])\\.){3}"
              + "(25[0-5]|2[0-4][0-9]|1[0-9][0-9]|[1-9]?[0-9])");

  private final boolean allowHttp;
  private final boolean allowPrivateAddresses;
  private final Resolver resolver;

  /**
   * @param allowHttp accept plain-http URLs (local mode and tests only)
   * @param allowPrivateAddresses accept addresses on this machine or a private network (local mode
   *     and tests whose receiver listens on 127.0.0.1 only)
   */
  public WebhookAddressPolicy(boolean allowHttp, boolean allowPrivateAddresses, Resolver resolver) {
    this.allowHttp = allowHttp;
    this.allowPrivateAddresses = allowPrivateAddresses;
    this.resolver = resolver;
  }

  public static WebhookAddressPolicy withSystemResolver(
      boolean allowHttp, boolean allowPrivateAddresses) {
    return new WebhookAddressPolicy(allowHttp, allowPrivateAddresses, InetAddress::getAllByName);
  }

  public boolean allowsPrivateAddresses() {
    return allowPrivateAddresses;
  }

  /** The URL's form and every address its host resolves to; may look the host up (blocking). */
  public Optional<Refusal> check(String url) {
    Optional<Refusal> form = checkForm(url);
    if (form.isPresent()) {
      return form;
    }
    return checkHost(URI.create(url.strip()).getHost());
  }

  /** The URL's form alone: scheme, credentials, fragment, host; no lookup. */
  public Optional<Refusal> checkForm(String url) {
    if (url == null || url.isBlank()) {
      return refuse("is required");
    }
    if (url.length() > MAX_URL_LENGTH) {
      return refuse("must be at most " + MAX_URL_LENGTH + " characters");
    }
    URI uri;
    try {
      uri = new URI(url.strip());
    } catch (URISyntaxException e) {
      return refuse("is not a valid URL: " + e.getReason());
    }
    String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
    boolean schemeAllowed = scheme.equals("https") || (scheme.equals("http") && allowHttp);
    if (!uri.isAbsolute() || !schemeAllowed) {
      return refuse("must be an absolute https URL, such as https://example.org/skillway");
    }
    if (uri.getRawUserInfo() != null) {
      return refuse("must not contain a user name or password; the requests are signed instead");
    }
    if (uri.getRawFragment() != null) {
      return refuse("must not have a fragment (the part after #)");
    }
    String host = uri.getHost();
    if (host == null || host.isEmpty()) {
      return refuse("must name a host, such as https://example.org/skillway");
    }
    if (!host.startsWith("[")
        && NUMERIC_HOST.matcher(host).matches()
        && !DOTTED_QUAD.matcher(host).matches()) {
      return refuse("must name its host by name or as four numbers such as 203.0.113.10");
    }
    return Optional.empty();
  }

  /** Every address the host resolves to must be public; a host that does not resolve is refused. */
  public Optional<Refusal> checkHost(String host) {
    String bare =
        host.startsWith("[") && host.endsWith("]") ? host.substring(1, host.length() - 1) : host;
    InetAddress[] addresses;
    try {
      addresses = resolver.resolve(bare);
    } catch (UnknownHostException e) {
      return refuse("names a host that cannot be found: " + bare);
    }
    if (addresses == null || addresses.length == 0) {
      return refuse("names a host that cannot be found: " + bare);
    }
    return checkAddresses(List.of(addresses));
  }

  /** The addresses about to be connected to: all must be public. */
  public Optional<Refusal> checkAddresses(List<InetAddress> addresses) {
    if (allowPrivateAddresses) {
      return Optional.empty();
    }
    for (InetAddress address : addresses) {
      if (isBlocked(address)) {
        return refuse(
            "points to a private, local or reserved address ("
                + address.getHostAddress()
                + "); use a public address");
      }
    }
    return Optional.empty();
  }

  private static Optional<Refusal> refuse(String reason) {
    return Optional.of(new Refusal(reason));
  }

  /**
   * Loopback, link-local (incl. the cloud metadata address 169.254.169.254), private, carrier-grade
   * NAT, unique-local, unspecified, multicast, broadcast and reserved ranges, and IPv6 forms that
   * embed one of those IPv4 addresses.
   */
  static boolean isBlocked(InetAddress address) {
    byte[] b = address.getAddress();
    if (address instanceof Inet4Address) {
      return isBlockedV4(b);
    }
    if (address instanceof Inet6Address) {
      if (address.isAnyLocalAddress()
          || address.isLoopbackAddress()
          || address.isLinkLocalAddress()
          || address.isSiteLocalAddress()
          || address.isMulticastAddress()) {
        return true;
      }
      int first = b[0] & 0xff;
      if ((first & 0xfe) == 0xfc) { // fc00::/7 unique local
        return true;
      }
      if (allZero(b, 0, 10) && (b[10] & 0xff) == 0xff && (b[11] & 0xff) == 0xff) {
        return isBlockedV4(tail(b)); // ::ffff:a.b.c.d, IPv4-mapped
      }
      if (allZero(b, 0, 12)) {
        return true; // ::a.b.c.d, IPv4-compatible (deprecated), and ::, ::1
      }
      if ((b[0] & 0xff) == 0x00
          && (b[1] & 0xff) == 0x64
          && (b[2] & 0xff) == 0xff
          && (b[3] & 0xff) == 0x9b
          && allZero(b, 4, 12)) {
        return isBlockedV4(tail(b)); // 64:ff9b::/96, NAT64
      }
      if ((b[0] & 0xff) == 0x20 && (b[1] & 0xff) == 0x02) {
        return isBlockedV4(new byte[] {b[2], b[3], b[4], b[5]}); // 2002::/16, 6to4
      }
      return false;
    }
    return true;
  }

  private static boolean isBlockedV4(byte[] b) {
    int a = b[0] & 0xff;
    int second = b[1] & 0xff;
    return a == 0 // 0.0.0.0/8 "this network", incl. 0.0.0.0
        || a == 10 // 10/8 private
        || a == 127 // loopback
        || (a == 100 && (second & 0xc0) == 64) // 100.64/10 carrier-grade NAT
        || (a == 169 && second == 254) // link-local, cloud metadata
        || (a == 172 && (second & 0xf0) == 16) // 172.16/12 private
        || (a == 192 && second == 168) // 192.168/16 private
        || (a == 192 && second == 0 && (b[2] & 0xff) == 0) // 192.0.0/24 protocol assignments
        || (a == 198 && (second & 0xfe) == 18) // 198.18/15 benchmarking
        || a >= 224; // multicast 224/4, reserved 240/4, broadcast 255.255.255.255
  }

  private static boolean allZero(byte[] b, int from, int to) {
    for (int i = from; i < to; i++) {
      if (b[i] != 0) {
        return false;
      }
    }
    return true;
  }

  private static byte[] tail(byte[] b) {
    return new byte[] {b[12], b[13], b[14], b[15]};
  }
}
