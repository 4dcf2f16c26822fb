package org.skillway.ingest.organisation;

import java.util.List;
import org.skillway.support.Role;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.boot.context.properties.bind.Bindable;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.core.env.Environment;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;

/**
 * Names the local platform's demo organisations at start-up, from the {@code display-name} of each
 * entry of {@code skillway.ingest.demo-keys} (configured in local mode only). A name set since
 * through the API is kept. The entries are read here rather than through {@code IngestProperties},
 * whose {@code DemoKey} is about keys and ignores the name.
 */
@Component
class DemoOrganisations implements ApplicationRunner {
  private final Environment environment;
  private final Organisations organisations;

  DemoOrganisations(Environment environment, Organisations organisations) {
    this.environment = environment;
    this.organisations = organisations;
  }

  record Entry(String ownerId, Role role, String displayName) {}

  @Override
  public void run(ApplicationArguments args) {
    List<Entry> entries =
        Binder.get(environment)
            .bind("skillway.ingest.demo-keys", Bindable.listOf(Entry.class))
            .orElse(List.of());
    Flux.fromIterable(entries)
        .filter(e -> e.displayName() != null && e.ownerId() != null)
        .filter(e -> e.role() == Role.EMPLOYER || e.role() == Role.UNIVERSITY)
        .filter(e -> DisplayName.problems(e.displayName()).isEmpty())
        .concatMap(e -> organisations.nameIfUnnamed(e.ownerId(), e.role(), e.displayName()))
        .blockLast();
  }
}
