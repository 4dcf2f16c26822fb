package org.skillway.ingest;

import org.junit.jupiter.api.Test;
import org.springframework.test.context.ActiveProfiles;

/**
 * The local platform's demo organisations come named, from {@code ingest-service-local.yml}, so a
 * demo shows "Northwest Digital" where it would otherwise say "An employer".
 */
@ActiveProfiles("local")
class DemoOrganisationsIT extends IngestItSupport {
  @Test
  void theDemoEmployerAndUniversityAreNamedAtStartUp() {
    http.get()
        .uri("/api/v1/organisation")
        .header("X-API-Key", "demo-employer-key-northwest-digital")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo("demo-employer")
        .jsonPath("$.displayName")
        .isEqualTo("Northwest Digital");
    http.get()
        .uri("/api/v1/organisation")
        .header("X-API-Key", "demo-university-key-northwest-uni")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.role")
        .isEqualTo("UNIVERSITY")
        .jsonPath("$.displayName")
        .isEqualTo("University of the North West");
  }
}
