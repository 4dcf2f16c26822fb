package org.skillway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.icegreen.greenmail.util.GreenMail;
import com.icegreen.greenmail.util.GreenMailUtil;
import com.icegreen.greenmail.util.ServerSetup;
import jakarta.mail.internet.MimeMessage;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * A student whose university loaded them: the invitation e-mail's link opens the web app, which
 * takes the token out of the address, asks for a password and signs them in to the profile their
 * university filled, its skills vouched for by the university by name. Through the whole platform,
 * with a real SMTP server.
 */
class ClaimPagesIT {
  private static final Pattern LINK = Pattern.compile("/claim\\?token=([A-Za-z0-9_\\-]+)");
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  private static GreenMail mail;
  private static ServiceSet services;
  private static final RawHttp http = new RawHttp();

  @BeforeAll
  static void startPlatform() throws Exception {
    int smtp = org.skillway.infra.FreePorts.find();
    mail = new GreenMail(new ServerSetup(smtp, "127.0.0.1", ServerSetup.PROTOCOL_SMTP));
    mail.start();
    services = TestPlatform.start("--spring.mail.host=127.0.0.1", "--spring.mail.port=" + smtp);
  }

  @AfterAll
  static void stopPlatform() {
    services.close();
    mail.stop();
  }

  @Test
  void theInvitationsLinkLeadsToAPasswordAndAProfileTheUniversityVouchesFor() {
    // Given a university, named (the database is shared with other tests, which rename it), that
    // loads a student with a skill
    String university =
        "University of the North West " + UUID.randomUUID().toString().substring(0, 8);
    RawHttp.Response named =
        http.send(
            services.ingestPort(),
            "PUT",
            "/api/v1/organisation",
            Map.of(
                "X-API-Key",
                "demo-university-key-northwest-uni",
                "Content-Type",
                "application/json"),
            ("{\"displayName\":\"" + university + "\"}").getBytes(StandardCharsets.UTF_8));
    assertThat(named.status()).isEqualTo(200);
    String email = "claim-" + UUID.randomUUID() + "@students.example.ac.uk";
    String csv =
        "studentRef,email,stage,outcode,skills,course,consentToMatch\n"
            + "claim-"
            + UUID.randomUUID().toString().substring(0, 8)
            + ","
            + email
            + ",UNDERGRADUATE,PR1,Python:3,BSc Computing,true\n";
    RawHttp.Response upload =
        http.send(
            services.ingestPort(),
            "POST",
            "/api/v1/cohorts/computing-2027/students",
            Map.of("X-API-Key", "demo-university-key-northwest-uni", "Content-Type", "text/csv"),
            csv.getBytes(StandardCharsets.UTF_8));
    assertThat(upload.status()).isEqualTo(201);

    // When the student follows the link in the e-mail they receive
    String token =
        await().atMost(Duration.ofSeconds(30)).until(() -> linkTo(email), t -> t != null);
    Map<String, String> jar = new LinkedHashMap<>();
    RawHttp.Response followed =
        http.send(services.ingestPort(), "GET", "/claim?token=" + token, Map.of());

    // Then the token leaves the address at once, and the page asks only for a password
    assertThat(followed.status()).isEqualTo(303);
    assertThat(followed.header("Location")).isEqualTo("/claim");
    keep(jar, followed);
    RawHttp.Response page = http.send(services.ingestPort(), "GET", "/claim", cookies(jar));
    keep(jar, page);
    assertThat(page.body()).contains("Set your password").doesNotContain(token);

    // When they set one
    Matcher csrf = CSRF.matcher(page.body());
    assertThat(csrf.find()).isTrue();
    Map<String, String> headers = cookies(jar);
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    String form =
        "_csrf="
            + URLEncoder.encode(csrf.group(1), StandardCharsets.UTF_8)
            + "&password="
            + URLEncoder.encode("correct horse battery staple", StandardCharsets.UTF_8);
    RawHttp.Response claimed =
        http.send(
            services.ingestPort(),
            "POST",
            "/claim",
            headers,
            form.getBytes(StandardCharsets.UTF_8));

    // Then they are signed in to the profile the university filled, vouched for by its name
    assertThat(claimed.status()).isEqualTo(303);
    assertThat(claimed.header("Location")).isEqualTo("/profile");
    keep(jar, claimed);
    String profile = http.send(services.ingestPort(), "GET", "/profile", cookies(jar)).body();
    assertThat(profile)
        .contains("Python (computer programming)")
        .contains("Vouched for by " + university)
        .contains("At university: BSc Computing");
    // and the link does not work twice
    RawHttp.Response again =
        http.send(
            services.ingestPort(),
            "POST",
            "/claim",
            claimHeaders(token, page, jar),
            form.getBytes(StandardCharsets.UTF_8));
    assertThat(again.body()).contains("This invitation link cannot be used");
  }

  private static Map<String, String> claimHeaders(
      String token, RawHttp.Response page, Map<String, String> jar) {
    Map<String, String> withClaim = new LinkedHashMap<>(jar);
    withClaim.remove("skillway_session");
    withClaim.put("skillway_claim", token);
    Map<String, String> headers = cookies(withClaim);
    headers.put("Content-Type", "application/x-www-form-urlencoded");
    return headers;
  }

  private static String linkTo(String email) {
    for (MimeMessage message : mail.getReceivedMessages()) {
      try {
        if (message.getAllRecipients()[0].toString().contains(email)) {
          Matcher link = LINK.matcher(GreenMailUtil.getBody(message).replace("=\r\n", ""));
          if (link.find()) {
            return link.group(1);
          }
        }
      } catch (jakarta.mail.MessagingException unreadable) {
        return null;
      }
    }
    return null;
  }

  private static void keep(Map<String, String> jar, RawHttp.Response response) {
    for (String cookie : response.headers("Set-Cookie")) {
      String pair = cookie.split(";", 2)[0];
      int eq = pair.indexOf('=');
      String name = pair.substring(0, eq);
      String value = pair.substring(eq + 1);
      if (value.isEmpty() || cookie.contains("Max-Age=0")) {
        jar.remove(name);
      } else {
        jar.put(name, value);
      }
    }
  }

  private static Map<String, String> cookies(Map<String, String> jar) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (!jar.isEmpty()) {
      StringBuilder cookie = new StringBuilder();
      jar.forEach(
          (k, v) -> cookie.append(cookie.isEmpty() ? "" : "; ").append(k).append('=').append(v));
      headers.put("Cookie", cookie.toString());
    }
    return headers;
  }
}
