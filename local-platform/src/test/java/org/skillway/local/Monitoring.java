package org.skillway.local;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The repository's monitoring files, as the dashboard checks and the Prometheus proof read them:
 * the Grafana dashboards under {@code k8s/base/monitoring/dashboards}, the alert rules beside them,
 * and Debian's {@code prometheus} and {@code promtool}.
 */
final class Monitoring {
  private static final JsonMapper JSON = JsonMapper.builder().build();

  /** One query of one panel of one dashboard. */
  record PanelQuery(String dashboard, String panel, String refId, String expr) {
    /**
     * The query as Grafana sends it, with its own variables replaced: {@code $__rate_interval} by a
     * window holding several scrapes at the given interval, {@code $__range} by the shown range.
     */
    String resolved(String rateInterval, String range) {
      return expr.replace("$__rate_interval", rateInterval).replace("$__range", range);
    }

    @Override
    public String toString() {
      return dashboard + " / " + panel + " / " + refId + ": " + expr;
    }
  }

  private Monitoring() {}

  static Path root() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.isDirectory(dir.resolve("k8s/base/monitoring"))) {
        return dir;
      }
    }
    throw new IllegalStateException("No k8s/base/monitoring above " + Path.of("").toAbsolutePath());
  }

  static Path dashboardsDir() {
    return root().resolve("k8s/base/monitoring/dashboards");
  }

  static Path rulesFile() {
    return root().resolve("k8s/base/monitoring/rules/skillway-alerts.yml");
  }

  static Path rulesTestFile() {
    return root().resolve("k8s/base/monitoring/rules/skillway-alerts.test.yml");
  }

  static List<Path> dashboardFiles() {
    try (Stream<Path> files = Files.list(dashboardsDir())) {
      return files.filter(f -> f.toString().endsWith(".json")).sorted().toList();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
  }

  static JsonNode read(Path dashboard) {
    return JSON.readTree(dashboard.toFile());
  }

  static List<PanelQuery> panelQueries() {
    List<PanelQuery> queries = new ArrayList<>();
    for (Path file : dashboardFiles()) {
      JsonNode dashboard = read(file);
      for (JsonNode panel : dashboard.path("panels")) {
        for (JsonNode target : panel.path("targets")) {
          queries.add(
              new PanelQuery(
                  dashboard.path("uid").asString(),
                  panel.path("title").asString(),
                  target.path("refId").asString(),
                  target.path("expr").asString()));
        }
      }
    }
    return queries;
  }

  /**
   * Debian's binary of that name ({@code apt-get install prometheus}, which {@code .ci/run} does),
   * or a failure saying so: the checks never skip.
   */
  static Path binary(String name) {
    for (String dir : System.getenv().getOrDefault("PATH", "/usr/bin").split(":")) {
      Path candidate = Path.of(dir, name);
      if (Files.isExecutable(candidate)) {
        return candidate;
      }
    }
    throw new AssertionError(
        name
            + " is not installed: install Debian's Prometheus (apt-get install -y prometheus, as .ci/run"
            + " does) to run the monitoring checks");
  }
}
