package org.skillway.ingest.apikey;

import org.skillway.ingest.system.IngestProperties;
import org.skillway.support.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Registers the configured keys at start-up: the operator's bootstrap key, if set, and the demo
 * keys of the local platform (none are configured anywhere else).
 */
@Component
class DemoKeys implements ApplicationRunner {
  private final IngestProperties properties;
  private final ApiKeyStore store;

  DemoKeys(IngestProperties properties, ApiKeyStore store) {
    this.properties = properties;
    this.store = store;
  }

  @Override
  public void run(ApplicationArguments args) {
    Flux.fromIterable(properties.demoKeys())
        .concatMap(demo -> store.register(demo.key(), demo.ownerId(), demo.role()))
        .blockLast();
    String operatorKey = properties.operatorKey();
    if (operatorKey != null && !operatorKey.isBlank()) {
      store.register(operatorKey.trim(), "operator", Role.OPERATOR).block();
    }
  }
}
