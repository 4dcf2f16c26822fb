package org.skillway.local;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.yaml.snakeyaml.Yaml;
import tools.jackson.databind.JsonNode;

/**
 * The Grafana dashboards against Grafana's provisioning rules (Grafana itself cannot be installed
 * here), and the alert rules through Debian's {@code promtool}: every query is PromQL that
 * Prometheus accepts, every alert passes its unit tests and has a runbook section.
 */
class DashboardsTest {
  private static final String DATASOURCE = "${datasource}";
  private static final Pattern RANGE = Pattern.compile("\\[([^\\]]*)\\]");
  private static final Pattern STRING = Pattern.compile("\"(?:[^\"\\\\]|\\\\.)*\"");

  @Test
  void everyDashboardHasItsOwnStableUidATitleAndASchemaVersion() {
    Set<String> uids = new HashSet<>();
    for (Path file : Monitoring.dashboardFiles()) {
      JsonNode dashboard = Monitoring.read(file);
      String uid = dashboard.path("uid").asString("");
      assertThat(uid).as("uid of %s", file).matches("[a-z0-9-]{1,40}");
      assertThat(uids.add(uid)).as("uid %s is used once only", uid).isTrue();
      assertThat(dashboard.path("title").asString("")).as("title of %s", file).isNotBlank();
      assertThat(dashboard.path("schemaVersion").isInt()).as("schemaVersion of %s", file).isTrue();
      assertThat(dashboard.path("id").isMissingNode() || dashboard.path("id").isNull())
          .as("%s leaves its database id to Grafana", file)
          .isTrue();
    }
    assertThat(uids)
        .containsExactlyInAnyOrder(
            "skillway-overview",
            "skillway-matching",
            "skillway-notifications",
            "skillway-ingest",
            "skillway-regional");
  }

  @Test
  void everyPanelAndEveryQueryReadsFromTheDashboardsDatasourceVariable() {
    for (Path file : Monitoring.dashboardFiles()) {
      JsonNode dashboard = Monitoring.read(file);
      List<JsonNode> variables = new ArrayList<>();
      dashboard.path("templating").path("list").forEach(variables::add);
      assertThat(variables)
          .as("%s offers a Prometheus datasource variable named datasource", file)
          .anySatisfy(
              v -> {
                assertThat(v.path("name").asString("")).isEqualTo("datasource");
                assertThat(v.path("type").asString("")).isEqualTo("datasource");
                assertThat(v.path("query").asString("")).isEqualTo("prometheus");
              });
      for (JsonNode panel : dashboard.path("panels")) {
        String name = file.getFileName() + " / " + panel.path("title").asString();
        assertThat(panel.path("datasource").path("uid").asString(""))
            .as("datasource of %s", name)
            .isEqualTo(DATASOURCE);
        assertThat(panel.path("targets").size()).as("queries of %s", name).isPositive();
        for (JsonNode target : panel.path("targets")) {
          assertThat(target.path("datasource").path("uid").asString(""))
              .as("datasource of query %s of %s", target.path("refId").asString(), name)
              .isEqualTo(DATASOURCE);
          assertThat(target.path("expr").asString("")).as("query of %s", name).isNotBlank();
        }
      }
    }
  }

  @Test
  void everyPanelHasAPlaceOnTheGridAndNoTwoPanelsOverlap() {
    for (Path file : Monitoring.dashboardFiles()) {
      List<int[]> placed = new ArrayList<>();
      Set<Integer> ids = new HashSet<>();
      for (JsonNode panel : Monitoring.read(file).path("panels")) {
        String name = file.getFileName() + " / " + panel.path("title").asString();
        assertThat(ids.add(panel.path("id").asInt(-1))).as("id of %s is unique", name).isTrue();
        JsonNode grid = panel.path("gridPos");
        for (String field : List.of("h", "w", "x", "y")) {
          assertThat(grid.path(field).isInt()).as("gridPos.%s of %s", field, name).isTrue();
        }
        int x = grid.path("x").asInt();
        int y = grid.path("y").asInt();
        int w = grid.path("w").asInt();
        int h = grid.path("h").asInt();
        assertThat(w).as("width of %s", name).isBetween(1, 24);
        assertThat(h).as("height of %s", name).isPositive();
        assertThat(x + w).as("right edge of %s (Grafana's grid is 24 wide)", name).isLessThan(25);
        for (int[] other : placed) {
          boolean overlaps =
              x < other[0] + other[2]
                  && other[0] < x + w
                  && y < other[1] + other[3]
                  && other[1] < y + h;
          assertThat(overlaps).as("%s overlaps another panel", name).isFalse();
        }
        placed.add(new int[] {x, y, w, h});
      }
    }
  }

  @Test
  void everyRateAndIncreaseUsesGrafanasIntervalsNotAFixedWindow() {
    for (Monitoring.PanelQuery query : Monitoring.panelQueries()) {
      // Label matchers' strings may hold brackets of their own (a regex's [.]): only ranges count.
      Matcher ranges = RANGE.matcher(STRING.matcher(query.expr()).replaceAll("\"\""));
      while (ranges.find()) {
        assertThat(ranges.group(1)).as("window in %s", query).isIn("$__rate_interval", "$__range");
      }
      if (query.expr().contains("rate(")) {
        assertThat(query.expr()).as("rate in %s", query).contains("[$__rate_interval]");
      }
    }
  }

  @Test
  void everyPanelQueryIsPromQlThatPrometheusAccepts(@TempDir Path dir) throws Exception {
    // promtool parses a recording rule's expression exactly as Prometheus parses a query.
    StringBuilder rules = new StringBuilder("groups:\n  - name: dashboards\n    rules:\n");
    List<Monitoring.PanelQuery> queries = Monitoring.panelQueries();
    for (int i = 0; i < queries.size(); i++) {
      rules
          .append("      - record: dashboard_query_")
          .append(i)
          .append("\n        expr: '")
          .append(queries.get(i).resolved("1m", "1h").replace("'", "''"))
          .append("'\n");
    }
    Path file = dir.resolve("dashboard-queries.yml");
    Files.writeString(file, rules);

    assertThat(promtool("check", "rules", file.toString()))
        .contains("SUCCESS: " + queries.size() + " rules found");
  }

  @Test
  void theAlertRulesAreValidAndEachFiresAndStaysSilentInItsUnitTests() throws Exception {
    assertThat(promtool("check", "rules", Monitoring.rulesFile().toString()))
        .contains("SUCCESS: " + alerts().size() + " rules found");
    assertThat(promtool("test", "rules", Monitoring.rulesTestFile().toString()))
        .contains("SUCCESS");
    String tests = Files.readString(Monitoring.rulesTestFile());
    for (Map<String, Object> alert : alerts()) {
      assertThat(tests)
          .as("a unit test of %s", alert.get("alert"))
          .contains("alertname: " + alert.get("alert"));
    }
  }

  @Test
  void everyAlertLinksToItsOwnSectionOfTheRunbook() throws IOException {
    String runbook = Files.readString(Monitoring.root().resolve("docs/runbook.md"));
    Set<String> anchors = new HashSet<>();
    runbook
        .lines()
        .filter(line -> line.startsWith("#"))
        .map(line -> line.replaceFirst("^#+\\s*", ""))
        .map(DashboardsTest::githubAnchor)
        .forEach(anchors::add);
    for (Map<String, Object> alert : alerts()) {
      @SuppressWarnings("unchecked")
      Map<String, Object> annotations = (Map<String, Object>) alert.get("annotations");
      String url = String.valueOf(annotations.get("runbook_url"));
      String name = String.valueOf(alert.get("alert"));
      assertThat(url).as("runbook_url of %s", name).startsWith("docs/runbook.md#");
      String anchor = url.substring(url.indexOf('#') + 1);
      assertThat(anchor).as("%s has its own section", name).isEqualTo(githubAnchor(name));
      assertThat(anchors).as("a runbook heading for %s", name).contains(anchor);
    }
  }

  @Test
  void theDashboardsGuideNamesEveryDashboardAndPanel() throws IOException {
    String guide = Files.readString(Monitoring.root().resolve("docs/dashboards.md"));
    for (Path file : Monitoring.dashboardFiles()) {
      JsonNode dashboard = Monitoring.read(file);
      assertThat(guide).contains(dashboard.path("title").asString());
      for (JsonNode panel : dashboard.path("panels")) {
        assertThat(guide)
            .as("docs/dashboards.md describes panel %s", panel.path("title").asString())
            .contains(panel.path("title").asString());
      }
    }
  }

  @SuppressWarnings("unchecked")
  static List<Map<String, Object>> alerts() throws IOException {
    Map<String, Object> file =
        new Yaml().load(Files.readString(Monitoring.rulesFile(), StandardCharsets.UTF_8));
    List<Map<String, Object>> alerts = new ArrayList<>();
    for (Map<String, Object> group : (List<Map<String, Object>>) file.get("groups")) {
      for (Map<String, Object> rule : (List<Map<String, Object>>) group.get("rules")) {
        if (rule.containsKey("alert")) {
          alerts.add(rule);
        }
      }
    }
    return alerts;
  }

  /** The anchor GitHub gives a Markdown heading. */
  private static String githubAnchor(String heading) {
    return heading
        .toLowerCase(Locale.ROOT)
        .replaceAll("[^\\p{L}\\p{N} _-]", "")
        .trim()
        .replace(' ', '-');
  }

  private static String promtool(String... args) throws Exception {
    List<String> command = new ArrayList<>(List.of(Monitoring.binary("promtool").toString()));
    command.addAll(List.of(args));
    Process process =
        new ProcessBuilder(command)
            .directory(Monitoring.rulesFile().getParent().toFile())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("promtool finished").isTrue();
    assertThat(process.exitValue()).as("promtool %s:%n%s", String.join(" ", args), output).isZero();
    return output;
  }
}
