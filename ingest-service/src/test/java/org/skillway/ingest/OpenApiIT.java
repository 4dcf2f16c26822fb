package org.skillway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import org.junit.jupiter.api.Test;
import tools.jackson.databind.SerializationFeature;
import tools.jackson.databind.json.JsonMapper;

/**
 * The published OpenAPI document ({@code docs/openapi/ingest-service.json}) must be what the code
 * serves. After an intended API change, regenerate it with {@code ./mvnw verify -pl ingest-service
 * -am -Dit.test=OpenApiIT -Dopenapi.write=true} and review the difference.
 */
class OpenApiIT extends IngestItSupport {
  private static final Path PUBLISHED = Path.of("..", "docs", "openapi", "ingest-service.json");
  private static final JsonMapper JSON =
      JsonMapper.builder()
          .enable(SerializationFeature.ORDER_MAP_ENTRIES_BY_KEYS)
          .enable(SerializationFeature.INDENT_OUTPUT)
          .build();

  @Test
  void thePublishedDocumentIsWhatTheCodeServes() throws Exception {
    String served =
        http.get()
            .uri("/v3/api-docs")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(String.class)
            .returnResult()
            .getResponseBody();
    @SuppressWarnings("unchecked")
    Map<String, Object> document = JSON.readValue(served, Map.class);
    // The server URL depends on where the test runs.
    document.remove("servers");
    String canonical = JSON.writeValueAsString(document) + "\n";

    if (Boolean.getBoolean("openapi.write")) {
      Files.writeString(PUBLISHED, canonical, StandardCharsets.UTF_8);
    }
    assertThat(canonical)
        .as(
            "docs/openapi/ingest-service.json differs from the API the code serves; regenerate it"
                + " with -Dopenapi.write=true if the change is intended")
        .isEqualTo(Files.readString(PUBLISHED, StandardCharsets.UTF_8));
  }

  @Test
  void everyEndpointOfEveryUserIsDescribed() throws Exception {
    @SuppressWarnings("unchecked")
    Map<String, Map<String, Object>> paths =
        (Map<String, Map<String, Object>>)
            JSON.readValue(Files.readString(PUBLISHED, StandardCharsets.UTF_8), Map.class)
                .get("paths");
    assertThat(paths)
        .containsKeys(
            "/api/v1/accounts",
            "/api/v1/sessions",
            "/api/v1/sessions/current",
            "/api/v1/profiles/{profileId}",
            "/api/v1/vacancies",
            "/api/v1/vacancies/{vacancyId}",
            "/api/v1/api-keys",
            "/api/v1/api-keys/{keyId}",
            "/api/v1/admin/api-keys",
            "/api/v1/cohorts/{cohortId}/students",
            "/api/v1/cohorts/{cohortId}/uploads",
            "/api/v1/cohorts/{cohortId}/uploads/{uploadId}",
            "/api/v1/tokens",
            "/api/v1/organisation");
    assertThat(paths.get("/api/v1/vacancies/{vacancyId}"))
        .containsKeys("get", "put", "patch", "delete");
  }
}
