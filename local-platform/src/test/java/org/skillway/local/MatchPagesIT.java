package org.skillway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The web app's list of matches when a person has many: best first, a page at a time, so a phone on
 * a weak signal never loads them all at once. Through the whole platform: the matches are real.
 */
class MatchPagesIT {
  private static final String PYTHON = "skill/ccd0a1d9-afda-43d9-b901-96344886e14d";
  private static final Pattern CARD = Pattern.compile("<article class=\"match");
  private static final Pattern TOTAL = Pattern.compile("(\\d+) roles? match");

  private static ServiceSet services;
  private static PlatformClient platform;
  private static final RawHttp http = new RawHttp();

  @BeforeAll
  static void startPlatform() {
    services = TestPlatform.start();
    platform = new PlatformClient(services);
  }

  @AfterAll
  static void stopPlatform() {
    services.close();
  }

  @Test
  void manyMatchesComeTwentyToAPageWithAWayToTheNextAndBack() {
    // Given a person with a skill that 25 open roles ask for
    Map<?, ?> person = platform.register(List.of(PlatformClient.skill(PYTHON, 3)));
    String cookie = "skillway_session=" + person.get("accessToken");
    for (int i = 1; i <= 25; i++) {
      platform.postVacancy("Python placement " + i, List.of(PlatformClient.skill(PYTHON, 2)));
    }
    // (The platform's broker and database are shared with other tests, whose Python roles match
    // too.)
    await()
        .atMost(Duration.ofSeconds(60))
        .untilAsserted(() -> assertThat(total(page(cookie, ""))).isGreaterThanOrEqualTo(25));

    // When they open their matches, then the last page, then a page past the end (read again
    // if a late match arrived between the reads: the three must describe the same list)
    await()
        .atMost(Duration.ofSeconds(30))
        .untilAsserted(
            () -> {
              String first = page(cookie, "");
              int total = total(first);
              int pages = (total + 19) / 20;
              String last = page(cookie, "?page=" + pages);
              String beyond = page(cookie, "?page=" + (pages + 7));
              assertThat(List.of(total(last), total(beyond))).containsOnly(total);

              // Then the first page holds 20 with a link on, the last the rest with a link back
              assertThat(CARD.matcher(first).results().count()).isEqualTo(20);
              assertThat(first)
                  .contains("Showing 1 to 20.", "href=\"/matches?page=2\"", "Page 1 of " + pages)
                  .doesNotContain("rel=\"prev\"");
              assertThat(CARD.matcher(last).results().count()).isEqualTo(total - 20 * (pages - 1));
              assertThat(last)
                  .contains("Showing " + (20 * (pages - 1) + 1) + " to " + total + ".")
                  .contains("href=\"/matches?page=" + (pages - 1) + "\"")
                  .doesNotContain("rel=\"next\"");
              // and a page past the end shows the last one rather than nothing
              assertThat(CARD.matcher(beyond).results().count())
                  .isEqualTo(total - 20 * (pages - 1));
            });
  }

  private static int total(String page) {
    Matcher count = TOTAL.matcher(page);
    return count.find() ? Integer.parseInt(count.group(1)) : 0;
  }

  private static String page(String cookie, String query) {
    RawHttp.Response response =
        http.send(services.ingestPort(), "GET", "/matches" + query, Map.of("Cookie", cookie));
    assertThat(response.status()).isEqualTo(200);
    return response.body();
  }
}
