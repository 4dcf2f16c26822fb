package org.skillway.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.skillway.ingest.token.TokenIssuer;
import org.skillway.support.Role;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.http.HttpHeaders;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseCookie;
import org.springframework.test.web.reactive.server.EntityExchangeResult;
import org.springframework.util.LinkedMultiValueMap;
import org.springframework.util.MultiValueMap;
import org.springframework.web.reactive.function.BodyInserters;

/**
 * The web app's pages as a browser meets them, over real HTTP against the real broker and wire
 * server: their security (a cookie scripts cannot read, CSRF tokens, a strict content policy, no
 * token in an address), their errors, and the open, limited skills look-up. The whole story in a
 * real browser is in browser-tests, run by local-platform's BrowserStoryIT.
 */
class WebPagesIT extends IngestItSupport {
  private static final Pattern CSRF = Pattern.compile("name=\"_csrf\" value=\"([^\"]+)\"");

  @Autowired TokenIssuer tokens;
  @Autowired org.skillway.support.SkillwayProperties platform;

  /** A browser's cookie jar, enough for these pages. */
  private final Map<String, String> jar = new LinkedHashMap<>();

  @Test
  void pagesAreHtmlThatNoCacheKeepsAndThatMayRunOnlyThisSitesScripts() {
    EntityExchangeResult<String> start = get("/");

    assertThat(start.getStatus().value()).isEqualTo(200);
    assertThat(start.getResponseHeaders().getContentType().isCompatibleWith(MediaType.TEXT_HTML))
        .isTrue();
    String policy = start.getResponseHeaders().getFirst("Content-Security-Policy");
    assertThat(policy)
        .contains("default-src 'none'", "script-src 'self'", "frame-ancestors 'none'")
        .doesNotContain("unsafe-inline", "unsafe-eval");
    assertThat(start.getResponseHeaders().getCacheControl()).contains("no-store");
    assertThat(start.getResponseBody())
        .contains("<title>Find work and training in North West England - Skillway</title>")
        .doesNotContain("<script>");
  }

  @Test
  void registeringSignsThePersonInWithACookieThatScriptsCannotReadAndOtherSitesDoNotSend() {
    EntityExchangeResult<String> created = register("web-" + java.util.UUID.randomUUID());

    assertThat(created.getStatus().value()).isEqualTo(303);
    assertThat(created.getResponseHeaders().getLocation()).hasToString("/profile/skills");
    ResponseCookie session = created.getResponseCookies().getFirst("skillway_session");
    assertThat(session).isNotNull();
    assertThat(session.isHttpOnly()).isTrue();
    assertThat(session.getSameSite()).isEqualTo("Lax");
    // Not local mode: the cookie travels only over https.
    assertThat(session.isSecure()).isTrue();
    assertThat(get("/profile").getResponseBody())
        .contains("<h1 class=\"govuk-heading-l\">Your profile</h1>");
  }

  @Test
  void aFormSentWithoutItsTokenIsRefusedAndNoAccountIsMade() {
    String email = "forged-" + java.util.UUID.randomUUID() + "@example.org";
    MultiValueMap<String, String> form = details(email);

    EntityExchangeResult<String> forged =
        http.post()
            .uri("/create-account/details?pathway=STUDENT")
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(form))
            .exchange()
            .expectBody(String.class)
            .returnResult();

    assertThat(forged.getStatus().value()).isEqualTo(403);
    assertThat(forged.getResponseBody()).contains("This form has expired");
    // The same address can still register: nothing was made by the forged form.
    assertThat(register(email.replace("@example.org", "")).getStatus().value()).isEqualTo(303);
  }

  @Test
  void aSignedInPersonsFormWithoutItsTokenIsRefusedToo() {
    // Given a signed-in person, whose browser sends the session cookie with any request
    register("csrf-" + java.util.UUID.randomUUID());
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();

    // When another site's page makes their browser post "sign out" and "delete my account"
    EntityExchangeResult<String> signOut = post("/sign-out", form);
    EntityExchangeResult<String> delete = post("/your-data/delete", form);

    // Then both are refused and the person is still signed in, with their account
    assertThat(signOut.getStatus().value()).isEqualTo(403);
    assertThat(delete.getStatus().value()).isEqualTo(403);
    assertThat(get("/profile").getStatus().value()).isEqualTo(200);
  }

  @Test
  void missingAnswersAreListedAtTheTopEachLinkedToItsField() {
    String token = csrfFrom(get("/create-account/details?pathway=STUDENT"));
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", token);

    EntityExchangeResult<String> page = post("/create-account/details?pathway=STUDENT", form);

    assertThat(page.getStatus().value()).isEqualTo(200);
    assertThat(page.getResponseBody())
        .contains("<title>Error: Create your account - Skillway</title>")
        .contains("govuk-error-summary")
        .contains("<a href=\"#email\">Enter your e-mail address</a>")
        .contains("<a href=\"#password\">")
        .contains("<a href=\"#outcode\">")
        .contains("<a href=\"#stage\">Select where you are in your education</a>");
  }

  @Test
  void anUnknownPostcodeAreaIsNamedAgainstItsField() {
    String token = csrfFrom(get("/create-account/details?pathway=STUDENT"));
    MultiValueMap<String, String> form =
        details("zz-" + java.util.UUID.randomUUID() + "@example.org");
    form.set("outcode", "ZZ99");
    form.add("_csrf", token);

    String page = post("/create-account/details?pathway=STUDENT", form).getResponseBody();

    assertThat(page)
        .contains("<a href=\"#outcode\">Postcode area 'ZZ99' is not a known UK postcode outcode");
  }

  @Test
  void aTokenInAHeaderDoesNotOpenAPageOnlyTheSessionCookieDoes() {
    String bearer =
        tokens.issue("someone-" + java.util.UUID.randomUUID(), Role.STUDENT).accessToken();

    EntityExchangeResult<String> page =
        http.get()
            .uri("/profile")
            .header(HttpHeaders.AUTHORIZATION, "Bearer " + bearer)
            .exchange()
            .expectBody(String.class)
            .returnResult();

    assertThat(page.getStatus().value()).isEqualTo(303);
    assertThat(page.getResponseHeaders().getLocation()).hasToString("/sign-in");
  }

  @Test
  void theInvitationsTokenLeavesTheAddressBarAtOnce() {
    EntityExchangeResult<String> followed = get("/claim?token=secret-claim-token");

    assertThat(followed.getStatus().value()).isEqualTo(303);
    assertThat(followed.getResponseHeaders().getLocation()).hasToString("/claim");
    ResponseCookie claim = followed.getResponseCookies().getFirst("skillway_claim");
    assertThat(claim.getValue()).isEqualTo("secret-claim-token");
    assertThat(claim.isHttpOnly()).isTrue();
    assertThat(get("/claim").getResponseBody())
        .contains("Set your password")
        .doesNotContain("secret-claim-token");
  }

  @Test
  void anInvitationLinkThatIsNotOneWeSentSaysSoAndKeepsNothing() {
    EntityExchangeResult<String> page = get("/claim?token=%E2%98%AA%22;%20x");

    assertThat(page.getStatus().value()).isEqualTo(200);
    assertThat(page.getResponseBody())
        .contains("This link is not complete. Open the link in your invitation e-mail again");
    assertThat(page.getResponseCookies().getFirst("skillway_claim")).isNull();
  }

  @Test
  void signingOutEndsTheSessionAndTheOldCookieNoLongerOpensAPage() {
    register("leaver-" + java.util.UUID.randomUUID());
    String oldSession = jar.get("skillway_session");
    String token = csrfFrom(get("/profile"));
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", token);

    EntityExchangeResult<String> out = post("/sign-out", form);

    assertThat(out.getStatus().value()).isEqualTo(303);
    assertThat(out.getResponseCookies().getFirst("skillway_session").getMaxAge()).isZero();
    jar.put("skillway_session", oldSession);
    EntityExchangeResult<String> again = get("/profile");
    assertThat(again.getStatus().value()).isEqualTo(303);
    assertThat(again.getResponseHeaders().getLocation()).hasToString("/sign-in?ended=1");
  }

  @Test
  void aSessionInUseIsRenewedAndSigningOutEndsEveryTokenItHad() {
    register("keeper-" + java.util.UUID.randomUUID());
    String profileId = subjectOf(jar.get("skillway_session"));
    // A session token 20 minutes old, past half its 30-minute life.
    String ageing =
        new org.skillway.support.IdentityTokens(
                platform.security(),
                java.time.Clock.offset(
                    java.time.Clock.systemUTC(), java.time.Duration.ofMinutes(-20)))
            .issue(profileId, Role.STUDENT);
    jar.put("skillway_session", ageing);

    EntityExchangeResult<String> page = get("/profile");

    assertThat(page.getStatus().value()).isEqualTo(200);
    String renewed = page.getResponseCookies().getFirst("skillway_session").getValue();
    assertThat(renewed).isNotEqualTo(ageing);
    assertThat(subjectOf(renewed)).isEqualTo(profileId);

    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("_csrf", csrfFrom(page));
    post("/sign-out", form);
    jar.put("skillway_session", ageing);
    assertThat(get("/profile").getStatus().value()).as("the older token").isEqualTo(303);
    jar.put("skillway_session", renewed);
    assertThat(get("/profile").getStatus().value()).as("the renewed token").isEqualTo(303);
  }

  private static String subjectOf(String jwt) {
    String payload =
        new String(
            java.util.Base64.getUrlDecoder().decode(jwt.split("\\.")[1]),
            java.nio.charset.StandardCharsets.UTF_8);
    Matcher m = Pattern.compile("\"sub\":\"([^\"]+)\"").matcher(payload);
    assertThat(m.find()).isTrue();
    return m.group(1);
  }

  @Test
  void anUnknownPageIsAPageWhileAnUnknownApiPathStaysAProblem() {
    EntityExchangeResult<String> page = get("/no-such-page");
    assertThat(page.getStatus().value()).isEqualTo(404);
    assertThat(page.getResponseBody())
        .contains("Page not found")
        .doesNotContain("Exception", "at org.");

    http.get()
        .uri("/api/v1/no-such-thing")
        .header("X-API-Key", EMPLOYER_KEY)
        .exchange()
        .expectStatus()
        .isNotFound()
        .expectHeader()
        .contentType(MediaType.APPLICATION_PROBLEM_JSON);
  }

  @Test
  void theSkillsLookUpAnswersBeforeSignInAndIsLimitedPerAddress() {
    http.get()
        .uri("/skills/suggest?q=pyth")
        .exchange()
        .expectStatus()
        .isOk()
        .expectBody()
        .jsonPath("$[0].label")
        .isEqualTo("Python (computer programming)")
        .jsonPath("$[0].id")
        .isEqualTo(PYTHON);

    int refusedAt = -1;
    for (int i = 0; i < 60 && refusedAt < 0; i++) {
      if (http.get()
              .uri("/skills/suggest?q=java")
              .exchange()
              .returnResult(String.class)
              .getStatus()
              .value()
          == 429) {
        refusedAt = i;
      }
    }
    assertThat(refusedAt)
        .as("the look-up refuses after its allowance of 40 a minute")
        .isBetween(0, 40);
  }

  @Test
  void someoneRetrainingTicksTheSkillsTheirLastJobImpliesAndOnlyThoseAreAdded() {
    // Given someone retraining who was a shop supervisor
    String token = csrfFrom(get("/create-account/details?pathway=RETRAINER"));
    MultiValueMap<String, String> form =
        details("supervisor-" + java.util.UUID.randomUUID() + "@example.org");
    form.remove("stage");
    form.add("occupation", "shop supervisor");
    form.add("_csrf", token);
    assertThat(post("/create-account/details?pathway=RETRAINER", form).getStatus().value())
        .isEqualTo(303);

    // When they open their skills page
    EntityExchangeResult<String> page = get("/profile/skills");

    // Then the job's essential skills are offered as boxes to tick, none of them added yet
    assertThat(page.getResponseBody())
        .contains("Skills you probably have", "People who work as shop supervisor")
        .contains("Add at least 3 to get matches");
    Matcher offered =
        Pattern.compile("name=\"confirmed\" type=\"checkbox\" value=\"([^\"]+)\"")
            .matcher(page.getResponseBody());
    List<String> ids = new java.util.ArrayList<>();
    while (offered.find()) {
      ids.add(offered.group(1));
    }
    assertThat(ids).hasSizeGreaterThanOrEqualTo(2);

    // and when they tick two and send
    MultiValueMap<String, String> ticked = new LinkedMultiValueMap<>();
    ticked.add("_csrf", csrfFrom(page));
    ticked.add("confirmed", ids.get(0));
    ticked.add("confirmed", ids.get(1));
    ticked.add("confirmed", "skill/not-offered");
    assertThat(post("/profile/skills/confirm", ticked).getStatus().value()).isEqualTo(303);

    // just those two are their skills now, at level 3, and no longer offered
    String after = get("/profile/skills").getResponseBody();
    assertThat(after)
        .contains("Level 3")
        .doesNotContain("name=\"confirmed\" type=\"checkbox\" value=\"" + ids.get(0) + "\"");
    assertThat(Pattern.compile("govuk-summary-list__row").matcher(after).results().count())
        .isEqualTo(2);
  }

  private EntityExchangeResult<String> register(String name) {
    String token = csrfFrom(get("/create-account/details?pathway=STUDENT"));
    MultiValueMap<String, String> form = details(name + "@example.org");
    form.add("_csrf", token);
    return post("/create-account/details?pathway=STUDENT", form);
  }

  private static MultiValueMap<String, String> details(String email) {
    MultiValueMap<String, String> form = new LinkedMultiValueMap<>();
    form.add("email", email);
    form.add("password", "correct horse battery staple");
    form.add("outcode", "M1");
    form.add("stage", "UNDERGRADUATE");
    form.add("consentToMatch", "true");
    return form;
  }

  private EntityExchangeResult<String> get(String path) {
    return keep(
        http.get()
            .uri(path)
            .cookies(c -> jar.forEach(c::add))
            .exchange()
            .expectBody(String.class)
            .returnResult());
  }

  private EntityExchangeResult<String> post(String path, MultiValueMap<String, String> form) {
    return keep(
        http.post()
            .uri(path)
            .cookies(c -> jar.forEach(c::add))
            .contentType(MediaType.APPLICATION_FORM_URLENCODED)
            .body(BodyInserters.fromFormData(form))
            .exchange()
            .expectBody(String.class)
            .returnResult());
  }

  private EntityExchangeResult<String> keep(EntityExchangeResult<String> result) {
    result
        .getResponseCookies()
        .forEach(
            (name, cookies) ->
                cookies.forEach(
                    c -> {
                      if (c.getMaxAge().isZero()) {
                        jar.remove(name);
                      } else {
                        jar.put(name, c.getValue());
                      }
                    }));
    return result;
  }

  private static String csrfFrom(EntityExchangeResult<String> page) {
    Matcher m = CSRF.matcher(page.getResponseBody());
    assertThat(m.find()).as("the page has a form token").isTrue();
    return m.group(1);
  }
}
