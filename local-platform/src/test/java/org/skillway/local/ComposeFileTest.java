package org.skillway.local;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.fail;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.yaml.snakeyaml.Yaml;

/**
 * docker-compose.yml, checked offline: Debian's docker-compose validates it, and each service's
 * environment is held against the settings the service actually reads, so the compose file and the
 * services cannot drift apart without this failing.
 */
class ComposeFileTest {
  private static final List<String> SKILLWAY_SERVICES =
      List.of("ingest-service", "matching-service", "notification-service");

  /** {@code ${NAME}} or {@code ${NAME:default}} in a Spring yml file. */
  private static final Pattern PLACEHOLDER =
      Pattern.compile("\\$\\{([A-Z][A-Z0-9_]*)(?::([^}]*))?}");

  /** A secret a service refuses to start without: {@code SecretsCheck.require("setting", ...)}. */
  private static final Pattern REQUIRED_SECRET =
      Pattern.compile("\\.require\\(\\s*\"(skillway\\.[a-z0-9.-]+)\"");

  /** A value compose takes from .env and refuses to run without: {@code ${NAME:?message}}. */
  private static final Pattern FROM_ENV_FILE_REQUIRED =
      Pattern.compile("\\$\\{([A-Z0-9_]+):\\?.+}");

  private static Path root;
  private static Map<String, Map<String, Object>> services;

  @BeforeAll
  static void readComposeFile() throws IOException {
    root = repositoryRoot();
    Map<String, Object> compose =
        new Yaml().load(Files.readString(root.resolve("docker-compose.yml")));
    services = map(compose.get("services"));
  }

  @Test
  void dockerComposeAcceptsTheFileOffline() throws Exception {
    // Given the committed placeholders in place of the untracked .env
    List<String> command =
        List.of(
            "docker-compose",
            "--env-file",
            ".env.example",
            "-f",
            "docker-compose.yml",
            "config",
            "-q");
    Process process;
    try {
      process =
          new ProcessBuilder(command).directory(root.toFile()).redirectErrorStream(true).start();
    } catch (IOException notInstalled) {
      fail(
          "docker-compose is not installed, so docker-compose.yml cannot be validated. Install"
              + " Debian's: `sudo apt-get install -y docker-compose` (.ci/run installs it when"
              + " missing). Cause: "
              + notInstalled.getMessage());
      return;
    }

    // When docker-compose reads it
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).as("docker-compose finished").isTrue();

    // Then it has no unknown key, wrong type or missing value
    assertThat(process.exitValue()).as(String.join(" ", command) + " said:\n" + output).isZero();
  }

  @Test
  void eachServiceIsGivenOnlyVariablesItReads() {
    Map<String, Set<String>> unread = new TreeMap<>();
    for (String service : SKILLWAY_SERVICES) {
      Set<String> read = placeholders(service).keySet();
      Set<String> given = new TreeSet<>(environment(service).keySet());
      given.removeAll(read);
      if (!given.isEmpty()) {
        unread.put(service, given);
      }
    }

    assertThat(unread)
        .as("variables given in docker-compose.yml that no ${...} in the service's yml files reads")
        .isEmpty();
  }

  @Test
  void eachServiceIsGivenEverySecretItRefusesToStartWithoutFromTheEnvFile() throws IOException {
    String example = Files.readString(root.resolve(".env.example"));
    for (String service : SKILLWAY_SERVICES) {
      // Given the settings the service's start-up check requires outside local mode
      Set<String> required = requiredSecretSettings(service);
      assertThat(required)
          .as(service + " requires the JWT secret")
          .contains("skillway.security.jwt-secret");

      Map<String, Object> settings = flatten(serviceSettings(service));
      Map<String, String> environment = environment(service);
      for (String setting : required) {
        // When we find the variable its yml file reads the setting from
        Matcher placeholder = PLACEHOLDER.matcher(String.valueOf(settings.get(setting)));
        assertThat(placeholder.find())
            .as(service + ": " + setting + " is read from an environment variable")
            .isTrue();
        String variable = placeholder.group(1);

        // Then compose gives it, from .env, and refuses to start without it; .env.example names it
        assertThat(environment).as(service + " is given " + variable).containsKey(variable);
        Matcher fromEnvFile = FROM_ENV_FILE_REQUIRED.matcher(environment.get(variable));
        assertThat(fromEnvFile.matches() && fromEnvFile.group(1).equals(variable))
            .as(
                service
                    + ": "
                    + variable
                    + " is ${"
                    + variable
                    + ":?...}, not "
                    + environment.get(variable))
            .isTrue();
        assertThat(example)
            .as(".env.example lists " + variable)
            .containsPattern("(?m)^" + variable + "=");
      }
    }
  }

  @Test
  void everyServiceHasAHealthcheckAndAMemoryLimit() throws IOException {
    List<String> missing = new ArrayList<>();
    for (var entry : services.entrySet()) {
      String name = entry.getKey();
      Map<String, Object> service = entry.getValue();
      if (service.get("mem_limit") == null) {
        missing.add(name + ": mem_limit");
      }
      if (!hasHealthcheck(service)) {
        missing.add(name + ": healthcheck");
      }
    }

    assertThat(missing).isEmpty();
  }

  @Test
  void servicesWaitForHealthyDependenciesAndStartAfterKafkaAndMongo() {
    for (var entry : services.entrySet()) {
      Object dependsOn = entry.getValue().get("depends_on");
      if (dependsOn == null) {
        continue;
      }
      map(dependsOn)
          .forEach(
              (dependency, condition) ->
                  assertThat(condition)
                      .as(entry.getKey() + " waits for " + dependency + " to be healthy")
                      .isEqualTo(Map.of("condition", "service_healthy")));
    }
    for (String service : SKILLWAY_SERVICES) {
      assertThat(map(services.get(service).get("depends_on")))
          .as(service + " depends on")
          .containsKeys(kafkaService(), mongoService());
    }
  }

  @Test
  void kafkaAndMongoSettingsPointAtTheComposeBrokerAndReplicaSet() {
    String kafka = kafkaService();
    String mongo = mongoService();
    String advertised = environment(kafka).get("KAFKA_ADVERTISED_LISTENERS");
    List<String> mongoCommand = strings(services.get(mongo).get("command"));
    String replicaSet = mongoCommand.get(mongoCommand.indexOf("--replSet") + 1);
    String initiate =
        String.join(" ", strings(map(services.get(mongo).get("healthcheck")).get("test")));

    for (String service : SKILLWAY_SERVICES) {
      Map<String, String> environment = environment(service);

      String bootstrap = environment.get("KAFKA_BOOTSTRAP_SERVERS");
      assertThat(bootstrap).as(service + " KAFKA_BOOTSTRAP_SERVERS").startsWith(kafka + ":");
      assertThat(advertised)
          .as("the broker advertises what " + service + " dials")
          .contains("//" + bootstrap);

      String uri = environment.get("MONGODB_URI");
      assertThat(uri)
          .as(service + " MONGODB_URI")
          .isEqualTo("mongodb://" + mongo + ":27017/?replicaSet=" + replicaSet);
      assertThat(initiate)
          .as("the replica set is initiated with the member " + service + " dials")
          .contains("_id: '" + replicaSet + "'")
          .contains("host: '" + mongo + ":27017'");
    }
  }

  @Test
  void servicesFindEachOtherAndPrometheusScrapesEachWhereItListens() throws IOException {
    // ingest-service calls the other two for a person's data export.
    Map<String, String> ingest = environment("ingest-service");
    assertThat(ingest.get("MATCHING_URL"))
        .isEqualTo("http://matching-service:" + port("matching-service"));
    assertThat(ingest.get("NOTIFICATION_URL"))
        .isEqualTo("http://notification-service:" + port("notification-service"));

    Map<String, Object> prometheus =
        new Yaml().load(Files.readString(root.resolve("ops/compose/prometheus.yml")));
    Map<String, Object> jobs = new LinkedHashMap<>();
    for (Object job : (List<?>) prometheus.get("scrape_configs")) {
      jobs.put(String.valueOf(map(job).get("job_name")), job);
    }
    for (String service : SKILLWAY_SERVICES) {
      Map<String, Object> job = map(jobs.get(service));
      assertThat(job).as("a scrape job named " + service).isNotNull();
      assertThat(job.get("metrics_path")).isEqualTo("/actuator/prometheus");
      Object targets = map(((List<?>) job.get("static_configs")).get(0)).get("targets");
      assertThat(strings(targets)).containsExactly(service + ":" + port(service));
    }
  }

  @Test
  void everyFileMountedFromTheCheckoutExists() {
    List<String> absent = new ArrayList<>();
    for (var entry : services.entrySet()) {
      for (String volume : strings(entry.getValue().getOrDefault("volumes", List.of()))) {
        String source = volume.split(":", 2)[0];
        if (source.startsWith("./") && !Files.exists(root.resolve(source))) {
          absent.add(entry.getKey() + ": " + source);
        }
      }
    }

    assertThat(absent).isEmpty();
  }

  /** A service built here probes itself from its Dockerfile's HEALTHCHECK; others in compose. */
  private static boolean hasHealthcheck(Map<String, Object> service) throws IOException {
    Map<String, Object> healthcheck = map(service.get("healthcheck"));
    if (healthcheck != null && healthcheck.get("test") != null) {
      return !Boolean.TRUE.equals(healthcheck.get("disable"))
          && !strings(healthcheck.get("test")).equals(List.of("NONE"));
    }
    Map<String, Object> build = map(service.get("build"));
    if (build == null) {
      return false;
    }
    String dockerfile = Files.readString(root.resolve(String.valueOf(build.get("dockerfile"))));
    return Pattern.compile("(?m)^HEALTHCHECK .*\\n.*/actuator/health/(readiness|liveness)")
        .matcher(dockerfile)
        .find();
  }

  private static String kafkaService() {
    return serviceWithImage("apache/kafka:");
  }

  private static String mongoService() {
    return serviceWithImage("mongo:");
  }

  private static String serviceWithImage(String prefix) {
    return services.entrySet().stream()
        .filter(e -> String.valueOf(e.getValue().get("image")).startsWith(prefix))
        .map(Map.Entry::getKey)
        .findFirst()
        .orElseThrow(() -> new AssertionError("no service runs an image " + prefix + "..."));
  }

  /** The port a service listens on: its server.port default, unless compose sets the variable. */
  private static String port(String service) {
    Matcher placeholder =
        PLACEHOLDER.matcher(String.valueOf(flatten(serviceSettings(service)).get("server.port")));
    assertThat(placeholder.find()).as(service + " server.port").isTrue();
    return environment(service).getOrDefault(placeholder.group(1), placeholder.group(2));
  }

  /** Environment variables a service's yml files read (outside local mode), with their defaults. */
  private static Map<String, String> placeholders(String service) {
    Map<String, String> found = new TreeMap<>();
    for (Path file : settingsFiles(service)) {
      Matcher matcher = PLACEHOLDER.matcher(read(file));
      while (matcher.find()) {
        found.put(matcher.group(1), matcher.group(2));
      }
    }
    return found;
  }

  /** The service's own yml merged over the shared one, as Spring reads them. */
  private static Map<String, Object> serviceSettings(String service) {
    Map<String, Object> merged = new TreeMap<>();
    for (Path file : settingsFiles(service)) {
      merged.putAll(flatten(new Yaml().load(read(file))));
    }
    return merged;
  }

  private static List<Path> settingsFiles(String service) {
    return List.of(
        root.resolve("service-support/src/main/resources/skillway-common.yml"),
        root.resolve(service + "/src/main/resources/" + service + ".yml"));
  }

  /** Settings whose secret the service checks at start-up, in its code or the shared module's. */
  private static Set<String> requiredSecretSettings(String service) throws IOException {
    Set<String> settings = new TreeSet<>();
    for (String module : List.of(service, "service-support")) {
      try (Stream<Path> sources = Files.walk(root.resolve(module + "/src/main/java"))) {
        sources
            .filter(p -> p.toString().endsWith(".java"))
            .forEach(
                p -> {
                  Matcher matcher = REQUIRED_SECRET.matcher(read(p));
                  while (matcher.find()) {
                    settings.add(matcher.group(1));
                  }
                });
      }
    }
    return settings;
  }

  private static Map<String, String> environment(String service) {
    Map<String, String> environment = new TreeMap<>();
    Map<String, Object> given = map(services.get(service).get("environment"));
    if (given != null) {
      given.forEach((name, value) -> environment.put(name, value == null ? "" : value.toString()));
    }
    return environment;
  }

  /** Nested yml keys joined with dots ({@code server.port}), the way Spring names them. */
  private static Map<String, Object> flatten(Map<String, Object> tree) {
    Map<String, Object> flat = new TreeMap<>();
    flattenInto("", tree, flat);
    return flat;
  }

  private static void flattenInto(
      String prefix, Map<String, Object> tree, Map<String, Object> flat) {
    if (tree == null) {
      return;
    }
    tree.forEach(
        (key, value) -> {
          String name = prefix.isEmpty() ? key : prefix + "." + key;
          if (value instanceof Map<?, ?>) {
            flattenInto(name, map(value), flat);
          } else {
            flat.put(name, value);
          }
        });
  }

  @SuppressWarnings("unchecked")
  private static <V> Map<String, V> map(Object value) {
    return (Map<String, V>) value;
  }

  private static List<String> strings(Object value) {
    return value instanceof List<?> list
        ? list.stream().map(String::valueOf).toList()
        : List.of(String.valueOf(value));
  }

  private static String read(Path file) {
    try {
      return Files.readString(file);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static Path repositoryRoot() {
    for (Path dir = Path.of("").toAbsolutePath(); dir != null; dir = dir.getParent()) {
      if (Files.exists(dir.resolve("docker-compose.yml")) && Files.exists(dir.resolve("mvnw"))) {
        return dir;
      }
    }
    throw new IllegalStateException("no docker-compose.yml above " + Path.of("").toAbsolutePath());
  }
}
