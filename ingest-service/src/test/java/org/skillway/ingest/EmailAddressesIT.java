package org.skillway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.springframework.http.MediaType;

/**
 * An e-mail address is one account however it is written: Unicode forms and case make no second
 * account, and an address hiding an invisible or combining character is refused.
 */
class EmailAddressesIT extends IngestItSupport {
  private static final String PASSWORD = "correct horse battery staple";
  private static final String REASON =
      "must not contain invisible or combining characters, such as a zero-width space or an accent"
          + " on its own";

  private static Map<String, Object> profile() {
    return Map.of(
        "pathway",
        "STUDENT",
        "skills",
        List.of(Map.of("skillId", "Python", "level", 3)),
        "outcode",
        "M14",
        "consentToMatch",
        true,
        "student",
        Map.of("stage", "UNDERGRADUATE"));
  }

  private org.springframework.test.web.reactive.server.WebTestClient.ResponseSpec register(
      String email) {
    return http.post()
        .uri("/api/v1/accounts")
        .bodyValue(Map.of("email", email, "password", PASSWORD, "profile", profile()))
        .exchange();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sa\u200Bm@example.org", // zero-width space (Cf)
        "sam\u2060@example.org", // word joiner (Cf)
        "\u202Esam@example.org", // right-to-left override (Cf)
        "sa\u0336m@example.org", // combining long stroke overlay (Mn), which NFC leaves alone
        "sam\u20DD@example.org", // combining enclosing circle (Me)
        "sam@exam\u00ADple.org" // soft hyphen (Cf)
      })
  void registeringWithAnAddressHidingAnInvisibleOrCombiningCharacterIsRefused(String hidden) {
    String email = hidden.replace("sam", "sam-" + UUID.randomUUID());

    register(email)
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("email")
        .jsonPath("$.errors[0].reason")
        .isEqualTo(REASON);
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"sam\u0000@example.org", "sam\u00A0@example.org", "sam@example.org\u3000"})
  void anAddressWithAControlCharacterOrAnOddSpaceIsRefusedToo(String hidden) {
    register(hidden.replace("sam", "sam-" + UUID.randomUUID()))
        .expectStatus()
        .isBadRequest()
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("email");
  }

  @Test
  void anAddressWrittenInAnotherUnicodeFormOrCaseIsTheSameAccount() {
    // Given a student registered as "josé" with the accent as a separate combining mark
    String tail = "-" + UUID.randomUUID() + "@example.org";
    register("jose\u0301" + tail).expectStatus().isCreated();

    // When someone registers "JOSÉ" with the accented letter as one character
    register("JOS\u00C9" + tail)
        // Then it is the same address, already registered
        .expectStatus()
        .isEqualTo(409)
        .expectBody()
        .jsonPath("$.errors[0].field")
        .isEqualTo("email");
    // And the student signs in with either form
    http.post()
        .uri("/api/v1/sessions")
        .bodyValue(Map.of("email", "jos\u00E9" + tail, "password", PASSWORD))
        .exchange()
        .expectStatus()
        .isOk();
  }

  @Test
  void aCohortRowWithAnAddressHidingAnInvisibleOrCombiningCharacterIsRejectedNamingEmail() {
    String ref = "mail-" + UUID.randomUUID();
    String csv =
        "studentRef,email,stage,outcode,skills\n"
            + ref
            + "-1,"
            + ref
            + "-1\u200B@uni.example,GRADUATE,M1,\n"
            + ref
            + "-2,"
            + ref
            + "-2\u0336@uni.example,GRADUATE,M1,\n"
            + ref
            + "-3,"
            + ref
            + "-3@uni.example,GRADUATE,M1,\n";

    Map<?, ?> report = uploadCsv("mail-cohort", csv);

    assertThat(report.get("rowsAccepted")).isEqualTo(1);
    @SuppressWarnings("unchecked")
    List<Map<String, Object>> rejected = (List<Map<String, Object>>) report.get("rejected");
    assertThat(rejected)
        .extracting(r -> r.get("line") + " " + r.get("field") + " " + r.get("reason"))
        .containsExactly("2 email " + REASON, "3 email " + REASON);
  }
}
