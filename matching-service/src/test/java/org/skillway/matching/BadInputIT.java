package org.skillway.matching;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.skillway.infra.TestInfrastructure;
import org.skillway.support.IdentityTokens;
import org.skillway.support.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.http.MediaType;
import org.springframework.test.annotation.DirtiesContext;
import org.springframework.test.context.DynamicPropertyRegistry;
import org.springframework.test.context.DynamicPropertySource;
import org.springframework.test.web.reactive.server.WebTestClient;

/**
 * Whatever a client puts in the query string or the path, the answer is a problem it can act on
 * (400 naming the field, or 404), never a 500.
 */
@SpringBootTest(
    webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT,
    properties = "spring.config.name=" + MatchingApplication.CONFIG_NAME)
@DirtiesContext
class BadInputIT {
  @DynamicPropertySource
  static void infrastructure(DynamicPropertyRegistry registry) {
    TestInfrastructure.shared()
        .springProperties("bad-input-it")
        .forEach((k, v) -> registry.add(k, () -> v));
  }

  @LocalServerPort int port;
  @Autowired IdentityTokens tokens;
  WebTestClient http;
  String token;

  @BeforeEach
  void client() {
    http =
        WebTestClient.bindToServer()
            .baseUrl("http://127.0.0.1:" + port)
            .responseTimeout(Duration.ofSeconds(20))
            .build();
    token = tokens.issue("anyone", Role.STUDENT);
  }

  /** Sends the query string exactly as written, percent-escapes and all. */
  private WebTestClient.BodyContentSpec problem(String query, int status) {
    return http.get()
        .uri(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/skills?" + query))
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isEqualTo(status)
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON)
        .expectBody();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      value = {
        "q=|q|is required",
        "q=%20%20|q|is required",
        "limit=5|q|is required",
        "q=java&limit=-1|limit|must be between 1 and 50",
        "q=java&limit=0|limit|must be between 1 and 50",
        "q=java&limit=1000000|limit|must be between 1 and 50",
        "q=java&limit=51|limit|must be between 1 and 50",
        "q=java&limit=99999999999999999999|limit|must be a whole number between 1 and 50",
        "q=java&limit=ten|limit|must be a whole number between 1 and 50",
        "q=java&limit=|limit|must be a whole number between 1 and 50",
      })
  void aSuggestionQueryOutOfBoundsIsA400NamingTheField(String query, String field, String reason) {
    problem(query, 400)
        .jsonPath("$.errors[0].field")
        .isEqualTo(field)
        .jsonPath("$.errors[0].reason")
        .isEqualTo(reason)
        .jsonPath("$.errors.length()")
        .isEqualTo(1);
  }

  @Test
  void aSuggestionQueryOfFourThousandCharactersIsA400NamingQ() {
    problem("q=" + "a".repeat(4_000), 400)
        .jsonPath("$.errors[0].field")
        .isEqualTo("q")
        .jsonPath("$.errors[0].reason")
        .isEqualTo("must be at most 100 characters");
  }

  @Test
  void aQueryWithBothWrongIsToldBothAtOnce() {
    problem("q=&limit=-1", 400)
        .jsonPath("$.errors[*].field")
        .isEqualTo(java.util.List.of("limit", "q"));
  }

  @Test
  void aQueryOfAHundredCharactersAfterTrimmingIsAnsweredAndPercentSignsAreJustText() {
    http.get()
        .uri("/api/v1/skills?q={q}&limit=50", "  " + "j".repeat(100) + "  ")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isOk();
    http.get()
        .uri("/api/v1/skills?q={q}", "%%%")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.suggestions")
        .isArray();
  }

  /**
   * A raw {@code %%%} is not valid percent-encoding, and no client library will send it, so this
   * writes the request by hand.
   */
  @Test
  void aQueryStringThatIsNotValidPercentEncodingIsA4xxNotA500() throws Exception {
    String response = rawGet("/api/v1/skills?q=%%%");

    assertThat(response).startsWith("HTTP/1.1 4");
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"skill/no-such-skill", "%20/%20", "skill/%E2%98%83", "isced-f/0613x"})
  void anUnknownOrOddSkillIdIsA404Problem(String path) {
    http.get()
        .uri(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/skills/" + path))
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  /** Spring Security's firewall refuses these before any controller sees them. */
  @ParameterizedTest(name = "{0}")
  @CsvSource({"skill/..", "skill/%2e%2e", "isced-f/%00", "skill/%0A", "skill/a%2Fb"})
  void aPathTheFirewallRefusesIsA400Problem(String path) {
    http.get()
        .uri(java.net.URI.create("http://127.0.0.1:" + port + "/api/v1/skills/" + path))
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isBadRequest()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aVeryLongSkillIdIsA404Problem() {
    http.get()
        .uri("/api/v1/skills/skill/{code}", "x".repeat(4_000))
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentTypeCompatibleWith(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void aKnownSkillIsServed() {
    http.get()
        .uri("/api/v1/skills/{scheme}/{code}", "isced-f", "0613")
        .headers(h -> h.setBearerAuth(token))
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$.id")
        .isEqualTo("isced-f/0613");
  }

  private String rawGet(String target) throws Exception {
    try (Socket socket = new Socket("127.0.0.1", port)) {
      socket.setSoTimeout(20_000);
      OutputStream out = socket.getOutputStream();
      out.write(
          ("GET "
                  + target
                  + " HTTP/1.1\r\nHost: 127.0.0.1\r\nAuthorization: Bearer "
                  + token
                  + "\r\nConnection: close\r\n\r\n")
              .getBytes(StandardCharsets.US_ASCII));
      out.flush();
      InputStream in = socket.getInputStream();
      ByteArrayOutputStream response = new ByteArrayOutputStream();
      in.transferTo(response);
      return response.toString(StandardCharsets.UTF_8);
    }
  }
}
