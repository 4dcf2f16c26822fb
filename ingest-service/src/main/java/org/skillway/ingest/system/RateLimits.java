package org.skillway.ingest.system;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import io.github.bucket4j.Bandwidth;
import io.github.bucket4j.Bucket;
import io.github.bucket4j.ConsumptionProbe;
import java.net.InetSocketAddress;
import java.time.Duration;
import org.skillway.support.RateLimitedException;
import org.springframework.web.server.ServerWebExchange;

/**
 * Token buckets (Bucket4j) per client address and per account, for registration and sign-in, held
 * in a bounded cache. Per instance: with several instances behind a load balancer, the effective
 * allowance is multiplied by their number. Behind a proxy, set {@code
 * server.forward-headers-strategy=framework} so the client's address is the real one.
 */
public final class RateLimits {
  private final IngestProperties.RateLimit settings;
  private final Cache<String, Bucket> buckets =
      Caffeine.newBuilder().maximumSize(100_000).expireAfterAccess(Duration.ofHours(2)).build();

  public RateLimits(IngestProperties.RateLimit settings) {
    this.settings = settings;
  }

  public static String clientAddress(ServerWebExchange exchange) {
    InetSocketAddress remote = exchange.getRequest().getRemoteAddress();
    return remote == null || remote.getAddress() == null
        ? "unknown"
        : remote.getAddress().getHostAddress();
  }

  /**
   * @throws RateLimitedException once this address has registered too often this hour
   */
  public void registration(String address) {
    take(
        "register:" + address,
        settings.registrationsPerHourPerAddress(),
        Duration.ofHours(1),
        "Too many registrations from this network; try again later.");
  }

  /**
   * @throws RateLimitedException once this address, or this account, has tried too often
   */
  public void signIn(String address, String email) {
    take(
        "sign-in:" + address,
        settings.signInsPerQuarterHourPerAddress(),
        Duration.ofMinutes(15),
        "Too many sign-in attempts from this network; try again later.");
    take(
        "sign-in-account:" + email,
        settings.signInsPerQuarterHourPerAccount(),
        Duration.ofMinutes(15),
        "Too many sign-in attempts for this account; try again later.");
  }

  /**
   * @throws RateLimitedException once this address has tried to claim accounts too often
   */
  public void claim(String address) {
    take(
        "claim:" + address,
        settings.signInsPerQuarterHourPerAddress(),
        Duration.ofMinutes(15),
        "Too many attempts to claim an account from this network; try again later.");
  }

  /**
   * The skills look-up is open before sign-in (the registration page needs it), so it is limited
   * per address: generous for a person typing, far too few to copy the catalogue quickly.
   *
   * @throws RateLimitedException once this address has looked up skills too often this minute
   */
  public void skillLookup(String address) {
    take(
        "skills:" + address,
        settings.skillLookupsPerMinutePerAddress(),
        Duration.ofMinutes(1),
        "Too many skill look-ups from this network; wait a minute and try again.");
  }

  private void take(String key, int allowance, Duration window, String message) {
    Bucket bucket =
        buckets.get(
            key,
            k ->
                Bucket.builder()
                    .addLimit(
                        Bandwidth.builder()
                            .capacity(allowance)
                            .refillGreedy(allowance, window)
                            .build())
                    .build());
    ConsumptionProbe probe = bucket.tryConsumeAndReturnRemaining(1);
    if (!probe.isConsumed()) {
      throw new RateLimitedException(message, Duration.ofNanos(probe.getNanosToWaitForRefill()));
    }
  }
}
