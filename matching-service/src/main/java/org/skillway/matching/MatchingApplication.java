package org.skillway.matching;

import org.skillway.support.SkillwayServiceConfiguration;
import org.springframework.boot.autoconfigure.SpringBootApplication;
import org.springframework.boot.builder.SpringApplicationBuilder;
import org.springframework.context.annotation.Import;

@SpringBootApplication
@Import(SkillwayServiceConfiguration.class)
public class MatchingApplication {
  /**
   * Each service reads its own {@code <name>.yml}, so all three can also run side by side in one
   * JVM.
   */
  public static final String CONFIG_NAME = "matching-service";

  public static SpringApplicationBuilder builder() {
    return new SpringApplicationBuilder(MatchingApplication.class)
        .properties("spring.config.name=" + CONFIG_NAME);
  }

  public static void main(String[] args) {
    builder().run(args);
  }
}
