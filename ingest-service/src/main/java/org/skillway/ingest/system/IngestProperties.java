package org.skillway.ingest.system;

import java.util.List;
import org.skillway.support.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoKeys API keys seeded at start-up, for the local platform only (empty elsewhere)
 * @param rateLimit how often one client may try to register or sign in
 */
@ConfigurationProperties("skillway.ingest")
public record IngestProperties(
    @DefaultValue List<DemoKey> demoKeys, @DefaultValue RateLimit rateLimit) {

  /**
   * @param key the plain key a demo client sends in {@code X-API-Key}
   * @param ownerId the employer or university the key acts for
   */
  public record DemoKey(String key, String ownerId, Role role) {}

  /**
   * @param registrationsPerHourPerAddress new accounts one client address may create per hour
   * @param signInsPerQuarterHourPerAddress sign-in attempts per client address per 15 minutes
   * @param signInsPerQuarterHourPerAccount sign-in attempts per e-mail address per 15 minutes
   */
  public record RateLimit(
      @DefaultValue("20") int registrationsPerHourPerAddress,
      @DefaultValue("50") int signInsPerQuarterHourPerAddress,
      @DefaultValue("10") int signInsPerQuarterHourPerAccount) {}
}
