package org.skillway.ingest.cohort;

import org.skillway.ingest.system.IngestProperties;
import org.springframework.stereotype.Component;

/** How big a cohort file may be: {@code skillway.ingest.cohort.max-rows} and {@code max-size}. */
@Component
class CohortLimits {
  private final IngestProperties.Cohort settings;

  CohortLimits(IngestProperties properties) {
    this.settings = properties.cohort();
  }

  int maxRows() {
    return settings.maxRows();
  }

  long maxBytes() {
    return settings.maxSize().toBytes();
  }
}
