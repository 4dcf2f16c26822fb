package org.skillway.matching.system;

import java.io.IOException;
import java.io.UncheckedIOException;
import org.springframework.boot.context.properties.bind.Binder;
import org.springframework.boot.context.properties.source.ConfigurationPropertySources;
import org.springframework.boot.env.YamlPropertySourceLoader;
import org.springframework.core.io.ClassPathResource;

/**
 * The matching settings exactly as {@code matching-service.yml} ships them, bound the way the
 * service binds them, for tests that judge the real scoring rules without starting the service.
 */
public final class ProductionSettings {
  private ProductionSettings() {}

  public static MatchingProperties load() {
    try {
      var sources =
          new YamlPropertySourceLoader()
              .load("matching-service.yml", new ClassPathResource("matching-service.yml"));
      return new Binder(ConfigurationPropertySources.from(sources))
          .bind("skillway.matching", MatchingProperties.class)
          .get();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
