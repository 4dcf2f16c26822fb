package org.skillway.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import java.io.IOException;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import org.apache.kafka.clients.producer.KafkaProducer;
import org.apache.kafka.clients.producer.ProducerRecord;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;
import org.skillway.events.EventHeaders;
import org.skillway.events.Topic;
import org.skillway.infra.FreePorts;
import org.skillway.infra.TestInfrastructure;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * The dashboards and alerts proven against a real Prometheus (Debian's, which {@code .ci/run}
 * installs): it scrapes the three running services every second with the repository's alert rules
 * loaded, while real traffic goes through them: registrations, a vacancy, an employer's webhook,
 * cohort uploads with a rejected row, and a poison event on a topic notification consumes. Then
 * every query of every panel must return data, the services' own metrics must count that traffic,
 * and the dead-letter alert must fire (and no other). Without Prometheus this fails, saying how to
 * install it.
 */
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class PrometheusProofIT {
  private static final Duration SCRAPE = Duration.ofSeconds(1);
  // Grafana's $__rate_interval is at least four scrape intervals; $__range is the time shown.
  private static final String RATE_INTERVAL = "15s";
  private static final String RANGE = "5m";

  private static final HttpClient HTTP = HttpClient.newHttpClient();
  private static final JsonMapper JSON = JsonMapper.builder().build();

  private static Path prometheusBinary;
  private static ServiceSet services;
  private static Process prometheus;
  private static Path workDir;
  private static String prometheusUrl;
  private static String poisonKey;

  @BeforeAll
  static void startPlatformAndPrometheusAndDriveTraffic() throws Exception {
    prometheusBinary = Monitoring.binary("prometheus");
    // As Tenants.startPlatform(), with the region's picture counted every two seconds, not every
    // minute.
    services =
        TestPlatform.start(
            "--skillway.notification.allow-private-webhook-addresses=true",
            "--skillway.metrics.region-first=PT1S",
            "--skillway.metrics.region-every=PT2S");
    workDir = Files.createTempDirectory("skillway-prometheus");
    startPrometheus();

    // Registrations, a vacancy, a webhook, a cohort upload, sign-ins, and a notification read.
    Tenants tenants = Tenants.create(services);
    // A second upload with a row that is refused, so rejections are counted as well.
    RawHttp.Response upload =
        tenants.send(
            "ingest",
            "POST",
            "/api/v1/cohorts/proof-" + UUID.randomUUID().toString().substring(0, 8) + "/students",
            Tenants.Caller.UNIVERSITY_A,
            "text/csv",
            "studentRef,email,stage,outcode,skills,course,consentToMatch\n"
                + "proof-1,proof-1@students.example.ac.uk,UNDERGRADUATE,PR1,Python:3,BSc,true\n"
                + "proof-2,not-an-address,UNDERGRADUATE,PR1,Python:3,BSc,true\n");
    assertThat(upload.status()).as(upload.body()).isEqualTo(201);

    // A match event no consumer can read, of a type nobody knows: notification parks it on its
    // dead-letter topic.
    poisonKey = "proof-" + UUID.randomUUID();
    ProducerRecord<String, byte[]> poison =
        new ProducerRecord<>(
            Topic.MATCHES.topicName(), poisonKey, "{\"not\": \"an event\"}".getBytes(UTF_8));
    poison.headers().add(EventHeaders.EVENT_TYPE, "MatchExploded".getBytes(UTF_8));
    try (KafkaProducer<String, byte[]> producer = TestInfrastructure.shared().rawProducer()) {
      producer.send(poison).get(10, TimeUnit.SECONDS);
    }
  }

  private static void startPrometheus() throws IOException {
    int port = FreePorts.find();
    prometheusUrl = "http://127.0.0.1:" + port;
    Path config = workDir.resolve("prometheus.yml");
    StringBuilder yaml = new StringBuilder();
    yaml.append("global:\n")
        .append("  scrape_interval: ")
        .append(SCRAPE.toSeconds())
        .append("s\n")
        .append("  evaluation_interval: ")
        .append(SCRAPE.toSeconds())
        .append("s\n")
        .append("rule_files:\n  - '")
        .append(Monitoring.rulesFile())
        .append("'\n")
        .append("scrape_configs:\n");
    // Jobs are named after the services, as in compose and Kubernetes (the alert rules rely on it).
    scrapeJob(yaml, "ingest-service", services.ingestPort());
    scrapeJob(yaml, "matching-service", services.matchingPort());
    scrapeJob(yaml, "notification-service", services.notificationPort());
    Files.writeString(config, yaml);

    prometheus =
        new ProcessBuilder(
                prometheusBinary.toString(),
                "--config.file=" + config,
                "--storage.tsdb.path=" + workDir.resolve("data"),
                "--web.listen-address=127.0.0.1:" + port)
            .redirectErrorStream(true)
            .redirectOutput(workDir.resolve("prometheus.log").toFile())
            .start();
    await()
        .atMost(Duration.ofSeconds(30))
        .ignoreExceptions()
        .until(() -> get("/-/ready").statusCode() == 200);
  }

  private static void scrapeJob(StringBuilder yaml, String job, int port) {
    yaml.append("  - job_name: ")
        .append(job)
        .append("\n    metrics_path: /actuator/prometheus\n")
        .append("    static_configs:\n      - targets: ['127.0.0.1:")
        .append(port)
        .append("']\n");
  }

  @AfterAll
  static void stopEverything() throws Exception {
    if (prometheus != null) {
      prometheus.destroy();
      if (!prometheus.waitFor(10, TimeUnit.SECONDS)) {
        prometheus.destroyForcibly();
      }
    }
    if (services != null) {
      services.close();
    }
    if (workDir != null) {
      try (var files = Files.walk(workDir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(f -> f.toFile().delete());
      }
    }
  }

  @Test
  @Order(1)
  void prometheusScrapesAllThreeServicesAndLoadsEveryAlertRule() throws Exception {
    await()
        .atMost(Duration.ofSeconds(20))
        .untilAsserted(
            () ->
                assertThat(results("up == 1"))
                    .extracting(r -> r.path("metric").path("job").asString())
                    .containsExactlyInAnyOrder(
                        "ingest-service", "matching-service", "notification-service"));
    List<String> loaded = new ArrayList<>();
    for (JsonNode group : json("/api/v1/rules").path("data").path("groups")) {
      group.path("rules").forEach(r -> loaded.add(r.path("name").asString()));
    }
    List<String> expected = new ArrayList<>();
    DashboardsTest.alerts().forEach(a -> expected.add(String.valueOf(a.get("alert"))));
    assertThat(loaded).containsExactlyInAnyOrderElementsOf(expected);
  }

  @Test
  @Order(2)
  void everyQueryOfEveryPanelReturnsDataFromTheRunningPlatform() {
    List<Monitoring.PanelQuery> queries = Monitoring.panelQueries();
    assertThat(queries).isNotEmpty();
    List<String> empty = new ArrayList<>();
    // Kafka's per-partition lag reaches Micrometer when it next looks for new client metrics, up to
    // a
    // minute after a consumer starts.
    await()
        .atMost(Duration.ofSeconds(90))
        .pollInterval(Duration.ofSeconds(2))
        .untilAsserted(
            () -> {
              empty.clear();
              for (Monitoring.PanelQuery query : queries) {
                if (results(query.resolved(RATE_INTERVAL, RANGE)).isEmpty()) {
                  empty.add(query.toString());
                }
              }
              assertThat(empty).as("panel queries that return no data").isEmpty();
            });
  }

  @Test
  @Order(3)
  void theServicesOwnMetricsCountTheTrafficTheyCarried() {
    await()
        .atMost(Duration.ofSeconds(30))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              assertThat(value("sum(skillway_cohort_rows_total{outcome=\"rejected\"})"))
                  .as("rejected cohort rows")
                  .isGreaterThanOrEqualTo(1);
              assertThat(value("sum(skillway_cohort_rows_total{outcome=\"accepted\"})"))
                  .as("accepted cohort rows")
                  .isGreaterThanOrEqualTo(2);
              assertThat(value("max(skillway_region_people{pathway=\"student\"})"))
                  .as("students")
                  .isGreaterThanOrEqualTo(4);
              assertThat(
                      value(
                          "max(skillway_region_open_roles{kind=\"placement\",sector=\"digital\"})"))
                  .as("open placements in digital (the vacancy says \"Digital: cyber security\")")
                  .isGreaterThanOrEqualTo(1);
              assertThat(value("sum(skillway_matching_first_match_seconds_count)"))
                  .as("people matched for the first time")
                  .isPositive();
              assertThat(
                      value(
                          "sum(skillway_matching_query_candidates_sum{query=\"vacancy\",stage=\"touched\"})"))
                  .as("candidates the vacancies' queries touched")
                  .isPositive();
              assertThat(results("skillway_region_scarce_skill_demand"))
                  .extracting(r -> r.path("metric").path("skill").asString())
                  .contains("cyber security");
              assertThat(value("sum(skillway_matching_query_seconds_count)"))
                  .as("index queries")
                  .isPositive();
              assertThat(value("sum(skillway_matching_score_count)")).as("scores").isPositive();
              assertThat(value("max(skillway_webhooks_paused)")).as("paused webhooks").isZero();
              assertThat(
                      results(
                          "sum by (event_type) (spring_kafka_template_seconds_count{"
                              + "messaging_destination_name=\"skillway.profiles.v1\"})"))
                  .extracting(r -> r.path("metric").path("event_type").asString())
                  .contains("ProfileSubmitted");
              assertThat(
                      results(
                          "sum by (event_type) (spring_kafka_listener_seconds_count{"
                              + "messaging_source_name=\"skillway.matches.v1\"})"))
                  .extracting(r -> r.path("metric").path("event_type").asString())
                  .contains("MatchFound", "unknown");
            });
  }

  @Test
  @Order(4)
  void thePoisonEventFiresTheDeadLetterAlertForNotificationsDeadLetterTopic() {
    await()
        .atMost(Duration.ofSeconds(60))
        .pollInterval(Duration.ofSeconds(1))
        .untilAsserted(
            () -> {
              List<JsonNode> firing = new ArrayList<>();
              for (JsonNode alert : json("/api/v1/alerts").path("data").path("alerts")) {
                if ("firing".equals(alert.path("state").asString())) {
                  firing.add(alert);
                }
              }
              assertThat(firing)
                  .anySatisfy(
                      alert -> {
                        assertThat(alert.path("labels").path("alertname").asString())
                            .isEqualTo("SkillwayDeadLetters");
                        assertThat(
                                alert.path("labels").path("messaging_destination_name").asString())
                            .isEqualTo(Topic.MATCHES_DEAD_LETTERS.topicName());
                        assertThat(alert.path("annotations").path("runbook_url").asString())
                            .isEqualTo("docs/runbook.md#skillwaydeadletters");
                      });
            });
  }

  @Test
  @Order(5)
  void noOtherAlertFiresOnAHealthyPlatform() throws Exception {
    List<String> firing = new ArrayList<>();
    for (JsonNode alert : json("/api/v1/alerts").path("data").path("alerts")) {
      String name = alert.path("labels").path("alertname").asString();
      if ("firing".equals(alert.path("state").asString()) && !"SkillwayDeadLetters".equals(name)) {
        firing.add(name + " " + alert.path("labels"));
      }
    }
    assertThat(firing).isEmpty();
  }

  @Test
  @Order(6)
  void everyMetricAnAlertRuleReadsIsOneTheServicesExpose() throws Exception {
    List<String> missing = new ArrayList<>();
    for (var alert : DashboardsTest.alerts()) {
      for (String metric : metricNames(String.valueOf(alert.get("expr")))) {
        if (results("count({__name__=\"" + metric + "\"})").isEmpty()) {
          missing.add(alert.get("alert") + ": " + metric);
        }
      }
    }
    assertThat(missing).as("metrics the alert rules read that no service exposes").isEmpty();
  }

  /**
   * The metric names in a PromQL expression: identifiers that are no function, keyword or label.
   */
  static List<String> metricNames(String promql) {
    String bare =
        promql
            .replaceAll("\"(?:[^\"\\\\]|\\\\.)*\"", "")
            .replaceAll("\\{[^}]*\\}", "")
            .replaceAll("\\[[^\\]]*\\]", "")
            .replaceAll("\\b(by|without|on|ignoring|group_left|group_right)\\s*\\([^)]*\\)", "")
            .replaceAll("\\boffset\\s+\\w+", "");
    List<String> names = new ArrayList<>();
    java.util.regex.Matcher tokens =
        java.util.regex.Pattern.compile("\\b([a-zA-Z_][a-zA-Z0-9_:]*)\\b(\\s*\\()?").matcher(bare);
    Set<String> keywords = Set.of("and", "or", "unless", "bool");
    while (tokens.find()) {
      if (tokens.group(2) == null && !keywords.contains(tokens.group(1))) {
        names.add(tokens.group(1));
      }
    }
    return names;
  }

  private static double value(String promql) throws Exception {
    List<JsonNode> results = results(promql);
    assertThat(results).as(promql).hasSize(1);
    return Double.parseDouble(results.get(0).path("value").get(1).asString());
  }

  private static List<JsonNode> results(String promql) throws Exception {
    JsonNode answer = json("/api/v1/query?query=" + URLEncoder.encode(promql, UTF_8));
    assertThat(answer.path("status").asString()).as("%s: %s", promql, answer).isEqualTo("success");
    List<JsonNode> results = new ArrayList<>();
    answer.path("data").path("result").forEach(results::add);
    return results;
  }

  private static JsonNode json(String path) throws Exception {
    HttpResponse<String> response = get(path);
    return JSON.readTree(response.body());
  }

  private static HttpResponse<String> get(String path) throws Exception {
    return HTTP.send(
        HttpRequest.newBuilder(URI.create(prometheusUrl + path))
            .timeout(Duration.ofSeconds(10))
            .build(),
        HttpResponse.BodyHandlers.ofString());
  }
}
