package org.skillway.ingest.system;

import java.util.List;
import org.skillway.support.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoKeys API keys seeded at start-up, for the local platform only (empty elsewhere)
 */
@ConfigurationProperties("skillway.ingest")
public record IngestProperties(@DefaultValue List<DemoKey> demoKeys) {

  /**
   * @param key the plain key a demo client sends in {@code X-API-Key}
   * @param ownerId the employer or university the key acts for
   */
  public record DemoKey(String key, String ownerId, Role role) {}
}
