package org.skillway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;
import org.skillway.ingest.apikey.ApiKey;
import org.skillway.support.Role;
import org.springframework.http.MediaType;

/** A request for an API key that is malformed in any way is a problem and issues nothing. */
class ApiKeyRequestsIT extends IngestItSupport {
  private static final String LONG = "x".repeat(101);

  static Stream<Arguments> badOwnRequests() {
    return Stream.of(
        Arguments.of("{label:", "body"),
        Arguments.of("{\"label\":\"HR\"", "body"),
        Arguments.of("{\"label\":42}", "label"),
        Arguments.of("{\"label\":true}", "label"),
        Arguments.of("{\"label\":[\"HR\"]}", "label"),
        Arguments.of("{\"label\":{\"$gt\":\"\"}}", "label"),
        Arguments.of("{\"lable\":\"HR system\"}", "lable"),
        Arguments.of("{\"label\":\"" + LONG + "\"}", "label"),
        Arguments.of("{\"label\":\"=HYPERLINK(\\\"http://x\\\")\"}", "label"),
        Arguments.of("{\"label\":\"HR\\u0000\"}", "label"),
        Arguments.of("[]", "body"),
        Arguments.of("\"HR system\"", "body"),
        Arguments.of("null", "body"));
  }

  @ParameterizedTest
  @MethodSource("badOwnRequests")
  void anOwnersBadRequestForAnotherKeyIsAProblemAndIssuesNothing(String body, String field) {
    // Given an employer with one key
    String owner = "key-fuzz-" + UUID.randomUUID();
    String key = apiKeys.issue(owner, Role.EMPLOYER, "first").block().plainKey();

    // When they ask for another with a bad body
    http.post()
        .uri("/api/v1/api-keys")
        .header("X-API-Key", key)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body)
        .exchange()
        // Then it is refused, naming what is wrong, and they still have one key
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo(field);
    assertThat(apiKeys.of(owner).collectList().block())
        .extracting(ApiKey::label)
        .containsExactly("first");
  }

  @Test
  void anOwnerStillGetsAnotherKeyWithALabelOrWithoutABody() {
    String owner = "key-ok-" + UUID.randomUUID();
    String key = apiKeys.issue(owner, Role.UNIVERSITY, "first").block().plainKey();

    http.post()
        .uri("/api/v1/api-keys")
        .header("X-API-Key", key)
        .bodyValue(Map.of("label", "Student records, 2027"))
        .exchange()
        .expectStatus()
        .isCreated()
        .expectBody()
        .jsonPath("$.role")
        .isEqualTo("UNIVERSITY");
    http.post()
        .uri("/api/v1/api-keys")
        .header("X-API-Key", key)
        .exchange()
        .expectStatus()
        .isCreated();

    assertThat(apiKeys.of(owner).collectList().block())
        .extracting(ApiKey::label)
        .containsExactly("first", "Student records, 2027", null);
  }

  static Stream<Arguments> badAdminRequests() {
    String owner = "\"ownerId\":\"OWNER\"";
    return Stream.of(
        Arguments.of("{" + owner + ",\"role\":\"EMPLOYER\"", "body"),
        Arguments.of("{\"ownerId\":\"-leading-hyphen\",\"role\":\"EMPLOYER\"}", "ownerId"),
        Arguments.of("{\"ownerId\":\"a b\",\"role\":\"EMPLOYER\"}", "ownerId"),
        Arguments.of("{\"ownerId\":\"💥\",\"role\":\"EMPLOYER\"}", "ownerId"),
        Arguments.of("{\"ownerId\":\"" + "o".repeat(65) + "\",\"role\":\"EMPLOYER\"}", "ownerId"),
        Arguments.of("{\"ownerId\":42,\"role\":\"EMPLOYER\"}", "ownerId"),
        Arguments.of("{\"ownerId\":{\"$gt\":\"\"},\"role\":\"EMPLOYER\"}", "ownerId"),
        Arguments.of("{\"role\":\"EMPLOYER\"}", "ownerId"),
        Arguments.of("{" + owner + ",\"role\":\"KING\"}", "role"),
        Arguments.of("{" + owner + ",\"role\":\"OPERATOR\"}", "role"),
        Arguments.of("{" + owner + ",\"role\":\"STUDENT\"}", "role"),
        Arguments.of("{" + owner + ",\"role\":3}", "role"),
        Arguments.of("{" + owner + "}", "role"),
        Arguments.of("{" + owner + ",\"role\":\"EMPLOYER\",\"label\":\"" + LONG + "\"}", "label"),
        Arguments.of("{" + owner + ",\"role\":\"EMPLOYER\",\"label\":\"@SUM(A1)\"}", "label"),
        Arguments.of("{" + owner + ",\"role\":\"EMPLOYER\",\"label\":7}", "label"),
        Arguments.of("{" + owner + ",\"role\":\"EMPLOYER\",\"revoked\":false}", "revoked"));
  }

  @ParameterizedTest
  @MethodSource("badAdminRequests")
  void anOperatorsBadRequestForAKeyIsAProblemAndIssuesNothing(String body, String field) {
    String owner = "admin-fuzz-" + UUID.randomUUID();

    http.post()
        .uri("/api/v1/admin/api-keys")
        .header("X-API-Key", OPERATOR_KEY)
        .contentType(MediaType.APPLICATION_JSON)
        .bodyValue(body.replace("OWNER", owner))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo(field);
    assertThat(apiKeys.of(owner).collectList().block()).isEmpty();
  }
}
