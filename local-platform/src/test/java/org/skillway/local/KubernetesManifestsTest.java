package org.skillway.local;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MapperFeature;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.json.JsonMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.JsonNodeFactory;
import com.fasterxml.jackson.databind.node.ObjectNode;
import com.fasterxml.jackson.dataformat.yaml.YAMLMapper;
import io.fabric8.kubernetes.api.model.ConfigMap;
import io.fabric8.kubernetes.api.model.Container;
import io.fabric8.kubernetes.api.model.EnvVar;
import io.fabric8.kubernetes.api.model.HasMetadata;
import io.fabric8.kubernetes.api.model.Namespace;
import io.fabric8.kubernetes.api.model.PodSpec;
import io.fabric8.kubernetes.api.model.Secret;
import io.fabric8.kubernetes.api.model.Service;
import io.fabric8.kubernetes.api.model.apps.Deployment;
import io.fabric8.kubernetes.api.model.apps.StatefulSet;
import io.fabric8.kubernetes.api.model.autoscaling.v2.HorizontalPodAutoscaler;
import io.fabric8.kubernetes.api.model.batch.v1.Job;
import io.fabric8.kubernetes.api.model.networking.v1.Ingress;
import io.fabric8.kubernetes.api.model.policy.v1.PodDisruptionBudget;
import io.fabric8.openshift.api.model.monitoring.v1.ServiceMonitor;
import io.strimzi.api.kafka.model.kafka.Kafka;
import io.strimzi.api.kafka.model.nodepool.KafkaNodePool;
import io.strimzi.api.kafka.model.topic.KafkaTopic;
import io.strimzi.api.kafka.model.user.KafkaUser;
import io.strimzi.api.kafka.model.user.KafkaUserAuthorizationSimple;
import io.strimzi.api.kafka.model.user.acl.AclOperation;
import io.strimzi.api.kafka.model.user.acl.AclResourcePatternType;
import io.strimzi.api.kafka.model.user.acl.AclRule;
import io.strimzi.api.kafka.model.user.acl.AclRuleTopicResource;
import io.strimzi.api.kafka.model.user.acl.AclRuleType;
import java.io.IOException;
import java.io.InputStream;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.lang.reflect.RecordComponent;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collections;
import java.util.Comparator;
import java.util.HexFormat;
import java.util.IdentityHashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.apache.kafka.clients.admin.NewTopic;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skillway.events.Topic;
import org.skillway.support.KafkaTopicDeclarations;
import org.skillway.support.SkillwayProperties;
import org.springframework.core.io.Resource;
import org.springframework.core.io.support.PathMatchingResourcePatternResolver;
import org.springframework.core.type.classreading.SimpleMetadataReaderFactory;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.kafka.core.KafkaAdmin;

/**
 * Builds each kustomize overlay under {@code k8s/} (with the subset of kustomize the files use, so
 * no kubectl is needed), parses every manifest into fabric8's Kubernetes model and Strimzi's, and
 * holds the result to what the code says: the topic list, who writes and reads which topic, the
 * settings each service reads, the actuator probes. Where a kubectl with kustomize 4 or newer is
 * installed, its rendering must match this one.
 */
class KubernetesManifestsTest {
  private static final List<String> OVERLAYS = List.of("local", "production");
  private static final Set<String> SERVICES =
      Set.of("ingest-service", "matching-service", "notification-service");

  /**
   * What each service consumes, read from its {@code @KafkaListener}s (service-support's are in
   * every service). Writes need no such list: {@link Topic#writer()} says who owns each topic.
   */
  private static final Map<Topic.Writer, Set<Topic>> CONSUMES = listenedTopics();

  /** The topics whose partitions a scaled service's instances share in one consumer group. */
  private static final Map<String, Set<Topic>> SHARED_GROUP_TOPICS =
      Map.of(
          "matching-service", Set.of(Topic.PROFILES),
          "notification-service", Set.of(Topic.MATCHES, Topic.INVITATIONS, Topic.PROFILES));

  private static final ObjectMapper MODEL_MAPPER =
      JsonMapper.builder().disable(MapperFeature.ALLOW_COERCION_OF_SCALARS).build();

  private static final Map<String, Class<?>> MODELS =
      Map.ofEntries(
          Map.entry("v1/Namespace", Namespace.class),
          Map.entry("v1/ConfigMap", ConfigMap.class),
          Map.entry("v1/Secret", Secret.class),
          Map.entry("v1/Service", Service.class),
          Map.entry("apps/v1/Deployment", Deployment.class),
          Map.entry("apps/v1/StatefulSet", StatefulSet.class),
          Map.entry("batch/v1/Job", Job.class),
          Map.entry("policy/v1/PodDisruptionBudget", PodDisruptionBudget.class),
          Map.entry("autoscaling/v2/HorizontalPodAutoscaler", HorizontalPodAutoscaler.class),
          Map.entry("networking.k8s.io/v1/Ingress", Ingress.class),
          Map.entry("monitoring.coreos.com/v1/ServiceMonitor", ServiceMonitor.class),
          Map.entry("kafka.strimzi.io/v1/Kafka", Kafka.class),
          Map.entry("kafka.strimzi.io/v1/KafkaNodePool", KafkaNodePool.class),
          Map.entry("kafka.strimzi.io/v1/KafkaTopic", KafkaTopic.class),
          Map.entry("kafka.strimzi.io/v1/KafkaUser", KafkaUser.class));

  @TempDir static Path workDir;
  private static Path repoK8s;
  private static Path k8s;
  private static final Map<String, Rendered> RENDERED = new LinkedHashMap<>();

  /** An overlay's output: the raw trees (for comparison with kubectl) and the parsed models. */
  private record Rendered(List<ObjectNode> trees, List<HasMetadata> models) {
    <T extends HasMetadata> List<T> all(Class<T> type) {
      return models.stream().filter(type::isInstance).map(type::cast).toList();
    }

    <T extends HasMetadata> T one(Class<T> type, String name) {
      return all(type).stream()
          .filter(m -> m.getMetadata().getName().equals(name))
          .findFirst()
          .orElseThrow(() -> new AssertionError("no " + type.getSimpleName() + " " + name));
    }

    /** The services' shared settings: the generated ConfigMap skillway-config. */
    Map<String, String> settings() {
      return all(ConfigMap.class).stream()
          .filter(c -> c.getMetadata().getName().startsWith("skillway-config-"))
          .findFirst()
          .orElseThrow()
          .getData();
    }
  }

  @BeforeAll
  static void buildEveryOverlay() throws IOException {
    // Given the k8s tree as committed, with each secret file made from its committed example (the
    // real ones are never in the repository).
    repoK8s = findK8s();
    k8s = workDir.resolve("k8s");
    copyTree(repoK8s, k8s);
    try (Stream<Path> files = Files.walk(k8s)) {
      for (Path example : files.filter(p -> p.toString().endsWith(".example")).toList()) {
        String name = example.getFileName().toString();
        Files.copy(example, example.resolveSibling(name.substring(0, name.length() - 8)));
      }
    }
    // When each overlay is built and parsed.
    for (String overlay : OVERLAYS) {
      List<ObjectNode> trees = new Kustomize().build(k8s.resolve("overlays").resolve(overlay));
      List<HasMetadata> models = new ArrayList<>();
      for (ObjectNode tree : trees) {
        models.add(parse(tree));
      }
      RENDERED.put(overlay, new Rendered(trees, models));
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void everyManifestIsAKnownKindWithNoFieldItsModelDoesNotHave(String overlay) {
    Rendered rendered = RENDERED.get(overlay);
    List<String> problems = new ArrayList<>();
    for (HasMetadata model : rendered.models()) {
      problems.addAll(unknownFields(model));
    }
    assertThat(problems).isEmpty();
    assertThat(rendered.models()).hasSizeGreaterThan(30);
    assertThat(rendered.models())
        .allSatisfy(m -> assertThat(m.getMetadata().getNamespace()).isIn("skillway", null));
    // Where a kubectl with kustomize 4 or newer is installed, it must render the same; the checks
    // above never depend on it.
    if (kubectlKustomizeVersion().isPresent()) {
      assertKubectlKustomizeRendersTheSame(overlay);
    }
  }

  @Test
  void aMisspeltFieldIsReportedWhereItIs() throws IOException {
    // Given a Deployment whose container says imagee, and a KafkaTopic with a stray field.
    ObjectNode deployment =
        (ObjectNode)
            new YAMLMapper()
                .readTree(
                    """
                    apiVersion: apps/v1
                    kind: Deployment
                    metadata: {name: x}
                    spec:
                      selector: {matchLabels: {a: b}}
                      template:
                        spec:
                          containers:
                            - name: x
                              imagee: skillway/x
                    """);
    ObjectNode topic =
        (ObjectNode)
            new YAMLMapper()
                .readTree(
                    """
                    apiVersion: kafka.strimzi.io/v1
                    kind: KafkaTopic
                    metadata: {name: t}
                    spec: {partitions: 6, replicas: 3, partition: 6}
                    """);

    // Then the unknown fields are named with their paths.
    assertThat(unknownFields(parse(deployment)))
        .containsExactly("Deployment x: spec.template.spec.containers[0] has unknown [imagee]");
    assertThat(unknownFields(parse(topic)))
        .containsExactly("KafkaTopic t: spec has unknown [partition]");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void everyTopicInTheTopicListHasAKafkaTopicLaidOutAsTheServicesDeclareIt(String overlay) {
    Rendered rendered = RENDERED.get(overlay);
    assertThat(topicProblems(rendered.all(KafkaTopic.class), rendered.settings())).isEmpty();
  }

  @Test
  void aKafkaTopicThatDisagreesWithTheTopicListOrIsMissingIsReported() {
    // Given production's topics with one partition count changed, one compaction lost and one gone.
    Rendered production = RENDERED.get("production");
    List<KafkaTopic> topics = new ArrayList<>();
    for (KafkaTopic topic : production.all(KafkaTopic.class)) {
      KafkaTopic copy = MODEL_MAPPER.convertValue(topic, KafkaTopic.class);
      switch (copy.getSpec().getTopicName()) {
        case "skillway.matches.v1" -> copy.getSpec().setPartitions(3);
        case "skillway.profiles.v1" -> copy.getSpec().getConfig().remove("cleanup.policy");
        case "skillway.access.v1" -> copy = null;
        default -> {}
      }
      if (copy != null) {
        topics.add(copy);
      }
    }

    // Then each difference is reported.
    assertThat(topicProblems(topics, production.settings()))
        .containsExactlyInAnyOrder(
            "skillway.matches.v1: 3 partitions, the services declare 6",
            "skillway.profiles.v1: config {delete.retention.ms=86400000, max.compaction.lag.ms=86400000},"
                + " the services declare {cleanup.policy=compact, delete.retention.ms=86400000,"
                + " max.compaction.lag.ms=86400000}",
            "skillway.access.v1 (ACCESS) has no KafkaTopic");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void eachServiceMayWriteOnlyTheTopicsItOwnsAndReadOnlyThoseItConsumes(String overlay) {
    List<KafkaUser> users = RENDERED.get(overlay).all(KafkaUser.class);
    assertThat(users).extracting(u -> u.getMetadata().getName()).hasSameElementsAs(SERVICES);
    assertThat(aclProblems(users)).isEmpty();
  }

  @Test
  void theServicesListenersConsumeWhatTheirCanvasesSay() {
    assertThat(CONSUMES)
        .isEqualTo(
            Map.of(
                Topic.Writer.INGEST, Set.of(Topic.ACCESS),
                Topic.Writer.MATCHING, Set.of(Topic.PROFILES, Topic.VACANCIES, Topic.ACCESS),
                Topic.Writer.NOTIFICATION,
                    Set.of(Topic.MATCHES, Topic.INVITATIONS, Topic.PROFILES, Topic.ACCESS)));
  }

  @Test
  void aUserAllowedToWriteATopicItDoesNotOwnIsReported() {
    // Given notification-service's user, also allowed to write matches (matching-service's).
    KafkaUser user =
        MODEL_MAPPER.convertValue(
            RENDERED.get("production").one(KafkaUser.class, "notification-service"),
            KafkaUser.class);
    AclRuleTopicResource matches = new AclRuleTopicResource();
    matches.setName("skillway.matches");
    matches.setPatternType(AclResourcePatternType.PREFIX);
    AclRule rule = new AclRule();
    rule.setResource(matches);
    rule.setOperations(List.of(AclOperation.WRITE));
    ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls().add(rule);

    // Then the check names the topic it may not write.
    assertThat(aclProblems(List.of(user)))
        .containsExactly(
            "notification-service may write [skillway.matches.v1], owned by another service");
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void autoscalersNeverRunMoreInstancesThanTheirConsumerGroupHasPartitions(String overlay) {
    Rendered rendered = RENDERED.get(overlay);
    Map<String, Integer> partitions =
        rendered.all(KafkaTopic.class).stream()
            .collect(
                Collectors.toMap(
                    t -> t.getSpec().getTopicName(), t -> t.getSpec().getPartitions()));
    List<HorizontalPodAutoscaler> autoscalers = rendered.all(HorizontalPodAutoscaler.class);
    assertThat(autoscalers)
        .extracting(h -> h.getSpec().getScaleTargetRef().getName())
        .containsExactlyInAnyOrder("matching-service", "notification-service");
    for (HorizontalPodAutoscaler hpa : autoscalers) {
      String target = hpa.getSpec().getScaleTargetRef().getName();
      int fewest =
          SHARED_GROUP_TOPICS.get(target).stream()
              .mapToInt(t -> partitions.get(t.topicName()))
              .min()
              .orElseThrow();
      assertThat(hpa.getSpec().getMaxReplicas()).as(target).isLessThanOrEqualTo(fewest);
      assertThat(hpa.getSpec().getMinReplicas()).as(target).isPositive();
    }
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void everyPodIsProbedLimitedAndLockedDown(String overlay) {
    Rendered rendered = RENDERED.get(overlay);
    List<String> problems = new ArrayList<>();
    for (HasMetadata workload : rendered.models()) {
      PodSpec pod = podSpec(workload);
      if (pod == null) {
        continue;
      }
      String who = workload.getKind() + " " + workload.getMetadata().getName();
      if (!Boolean.TRUE.equals(pod.getSecurityContext().getRunAsNonRoot())) {
        problems.add(who + " may run as root");
      }
      List<Container> containers = new ArrayList<>(pod.getContainers());
      containers.addAll(pod.getInitContainers());
      for (Container c : containers) {
        var security = c.getSecurityContext();
        if (security == null
            || !Boolean.TRUE.equals(security.getReadOnlyRootFilesystem())
            || !Boolean.FALSE.equals(security.getAllowPrivilegeEscalation())
            || !List.of("ALL").equals(security.getCapabilities().getDrop())) {
          problems.add(who + "/" + c.getName() + " is not locked down");
        }
        var resources = c.getResources();
        if (resources == null
            || !resources.getRequests().containsKey("memory")
            || !resources.getRequests().containsKey("cpu")
            || !resources.getLimits().containsKey("memory")) {
          problems.add(who + "/" + c.getName() + " has no memory limit or requests");
        }
      }
      if (workload instanceof Deployment deployment) {
        Container app = pod.getContainers().get(0);
        if (!"/actuator/health/liveness".equals(app.getLivenessProbe().getHttpGet().getPath())
            || !"/actuator/health/readiness"
                .equals(app.getReadinessProbe().getHttpGet().getPath())) {
          problems.add(who + " is not probed on the actuator's liveness and readiness groups");
        }
        boolean tmp =
            app.getVolumeMounts().stream()
                .anyMatch(
                    m ->
                        m.getMountPath().equals("/tmp")
                            && pod.getVolumes().stream()
                                .anyMatch(
                                    v ->
                                        v.getName().equals(m.getName())
                                            && v.getEmptyDir() != null));
        if (!tmp) {
          problems.add(who + " has no emptyDir at /tmp");
        }
        boolean budgeted =
            rendered.all(PodDisruptionBudget.class).stream()
                .anyMatch(
                    p ->
                        p.getSpec()
                            .getSelector()
                            .getMatchLabels()
                            .equals(deployment.getSpec().getSelector().getMatchLabels()));
        if (!budgeted) {
          problems.add(who + " has no PodDisruptionBudget");
        }
      }
    }
    assertThat(problems).isEmpty();
    assertThat(rendered.all(Deployment.class))
        .extracting(d -> d.getMetadata().getName())
        .hasSameElementsAs(SERVICES);
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void everySettingGivenToAServiceIsOneItReads(String overlay) throws IOException {
    Rendered rendered = RENDERED.get(overlay);
    String common = classpathText("skillway-common.yml");
    Map<String, String> readsBy = new TreeMap<>();
    for (String service : SERVICES) {
      readsBy.put(service, common + classpathText(service + ".yml"));
    }
    List<String> problems = new ArrayList<>();
    // The shared ConfigMap goes to every service: each of its settings must be read by one of them.
    for (String setting : rendered.settings().keySet()) {
      if (readsBy.values().stream().noneMatch(text -> reads(text, setting))) {
        problems.add("skillway-config's " + setting + " is read by no service");
      }
    }
    for (Deployment deployment : rendered.all(Deployment.class)) {
      String service = deployment.getMetadata().getName();
      for (EnvVar env :
          deployment.getSpec().getTemplate().getSpec().getContainers().get(0).getEnv()) {
        if (!reads(readsBy.get(service), env.getName())) {
          problems.add(service + " is given " + env.getName() + ", which it does not read");
        }
      }
    }
    assertThat(problems).isEmpty();
    // And the partitions the services assume are the ones the topics have.
    assertThat(rendered.settings())
        .containsEntry(
            "SKILLWAY_KAFKA_PARTITIONS",
            String.valueOf(
                rendered
                    .one(KafkaTopic.class, Topic.ACCESS.topicName())
                    .getSpec()
                    .getPartitions()));
  }

  @Test
  void aMisspeltSettingIsOneNoServiceReads() throws IOException {
    String notification =
        classpathText("skillway-common.yml") + classpathText("notification-service.yml");
    assertThat(reads(notification, "SMTP_HOST")).isTrue();
    assertThat(reads(notification, "SKILLWAY_KAFKA_REPLICATION_FACTOR")).isTrue();
    assertThat(reads(notification, "SPRING_KAFKA_ADMIN_AUTO_CREATE")).isTrue();
    assertThat(reads(notification, "SMTP_HOSTNAME")).isFalse();
    assertThat(reads(notification, "SKILLWAY_KAFKA_PARTITION")).isFalse();
    assertThat(reads(notification, "SPRING_KAFKA_ADMIN_AUTO_CRATE")).isFalse();
    assertThat(reads(notification, "INGEST_PORT")).isFalse();
  }

  @ParameterizedTest
  @ValueSource(strings = {"local", "production"})
  void dashboardsAndAlertRulesAreGeneratedFromTheirOneCopy(String overlay) throws IOException {
    Rendered rendered = RENDERED.get(overlay);
    ConfigMap dashboards = generated(rendered, "skillway-grafana-dashboards");
    ConfigMap rules = generated(rendered, "skillway-prometheus-rules");
    Map<String, String> expected = new TreeMap<>();
    try (Stream<Path> files = Files.list(repoK8s.resolve("base/monitoring/dashboards"))) {
      for (Path file : files.filter(p -> p.toString().endsWith(".json")).toList()) {
        expected.put(file.getFileName().toString(), Files.readString(file));
      }
    }
    assertThat(expected).as("dashboards in k8s/base/monitoring/dashboards").isNotEmpty();
    assertThat(new TreeMap<>(dashboards.getData()))
        .as("every dashboard file, listed in base/kustomization.yaml's configMapGenerator")
        .isEqualTo(expected);
    assertThat(dashboards.getMetadata().getLabels()).containsEntry("grafana_dashboard", "1");
    // kubectl apply keeps a copy in an annotation, and annotations may hold 256 KiB in all.
    assertThat(dashboards.getData().values().stream().mapToInt(String::length).sum())
        .isLessThan(256 * 1024);
    assertThat(rules.getData())
        .containsExactly(
            Map.entry(
                "skillway-alerts.yml",
                Files.readString(repoK8s.resolve("base/monitoring/rules/skillway-alerts.yml"))));
    // And the ServiceMonitor scrapes each service where it publishes its metrics.
    ServiceMonitor monitor = rendered.one(ServiceMonitor.class, "skillway-services");
    assertThat(monitor.getSpec().getEndpoints())
        .singleElement()
        .satisfies(
            e -> {
              assertThat(e.getPath()).isEqualTo("/actuator/prometheus");
              assertThat(e.getPort()).isEqualTo("http");
            });
    assertThat(monitor.getSpec().getSelector().getMatchExpressions().get(0).getValues())
        .hasSameElementsAs(SERVICES);
  }

  @Test
  void secretsAreGeneratedOnlyFromFilesThatAreNeverCommitted() throws IOException {
    // No Secret is written out in a manifest...
    try (Stream<Path> files = Files.walk(repoK8s)) {
      for (Path file : files.filter(p -> p.toString().matches(".*\\.ya?ml$")).toList()) {
        assertThat(Files.readString(file))
            .as(file.toString())
            .doesNotContainPattern("(?m)^kind: Secret$");
      }
    }
    // ...each secretGenerator file has a committed example, and .gitignore keeps the real one out.
    for (String overlay : OVERLAYS) {
      JsonNode kustomization =
          new YAMLMapper()
              .readTree(repoK8s.resolve("overlays/" + overlay + "/kustomization.yaml").toFile());
      for (JsonNode generator : kustomization.path("secretGenerator")) {
        for (String source : Kustomize.sources(generator)) {
          assertThat(repoK8s.resolve("overlays/" + overlay).resolve(source + ".example")).exists();
          assertThat(source).startsWith("secrets/");
        }
      }
    }
    assertThat(Files.readAllLines(repoK8s.resolveSibling(".gitignore")))
        .contains("/k8s/overlays/*/secrets/*", "!/k8s/overlays/*/secrets/*.example");
  }

  private void assertKubectlKustomizeRendersTheSame(String overlay) {
    try {
      compareWithKubectl(overlay);
    } catch (IOException | InterruptedException e) {
      throw new AssertionError("kubectl kustomize " + overlay + " could not be run", e);
    }
  }

  private void compareWithKubectl(String overlay) throws IOException, InterruptedException {
    Process process =
        new ProcessBuilder("kubectl", "kustomize", k8s.resolve("overlays/" + overlay).toString())
            .redirectErrorStream(true)
            .start();
    String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(output).isZero();
    List<ObjectNode> theirs = new ArrayList<>();
    try (var docs = new YAMLMapper().readerFor(ObjectNode.class).<ObjectNode>readValues(output)) {
      docs.forEachRemaining(theirs::add);
    }
    Map<String, JsonNode> expected = comparable(theirs);
    Map<String, JsonNode> actual = comparable(RENDERED.get(overlay).trees());
    assertThat(actual.keySet()).isEqualTo(expected.keySet());
    for (String id : expected.keySet()) {
      assertThat(actual.get(id)).as(id).isEqualTo(expected.get(id));
    }
  }

  // ---------------------------------------------------------------------------------------------

  private static List<String> topicProblems(List<KafkaTopic> topics, Map<String, String> settings) {
    int partitions = Integer.parseInt(settings.get("SKILLWAY_KAFKA_PARTITIONS"));
    short replicas = Short.parseShort(settings.get("SKILLWAY_KAFKA_REPLICATION_FACTOR"));
    Map<String, NewTopic> declared =
        declaredTopics(new SkillwayProperties.Kafka(partitions, replicas)).stream()
            .collect(Collectors.toMap(NewTopic::name, t -> t));
    List<String> problems = new ArrayList<>();
    Set<String> seen = new TreeSet<>();
    for (KafkaTopic topic : topics) {
      String name =
          Optional.ofNullable(topic.getSpec().getTopicName()).orElse(topic.getMetadata().getName());
      NewTopic expected = declared.get(name);
      if (expected == null || !seen.add(name)) {
        problems.add(name + ": not in the topic list, or declared twice");
        continue;
      }
      if (topic.getSpec().getPartitions() != expected.numPartitions()) {
        problems.add(
            name
                + ": "
                + topic.getSpec().getPartitions()
                + " partitions, the services declare "
                + expected.numPartitions());
      }
      if (topic.getSpec().getReplicas() != expected.replicationFactor()) {
        problems.add(name + ": " + topic.getSpec().getReplicas() + " replicas");
      }
      Map<String, String> config = new TreeMap<>();
      Optional.ofNullable(topic.getSpec().getConfig())
          .orElse(Map.of())
          .forEach((k, v) -> config.put(k, String.valueOf(v)));
      Map<String, String> declaredConfig =
          new TreeMap<>(Optional.ofNullable(expected.configs()).orElse(Map.of()));
      if (!config.equals(declaredConfig)) {
        problems.add(name + ": config " + config + ", the services declare " + declaredConfig);
      }
      if (!"skillway".equals(topic.getMetadata().getLabels().get("strimzi.io/cluster"))) {
        problems.add(name + ": not labelled for the Kafka cluster skillway");
      }
    }
    for (Topic topic : Topic.values()) {
      if (!seen.contains(topic.topicName())) {
        problems.add(topic.topicName() + " (" + topic + ") has no KafkaTopic");
      }
    }
    return problems;
  }

  /**
   * The topics exactly as the services declare them at start-up. {@code NewTopics} keeps its list
   * package-private, so it is read reflectively rather than copying the declarations here.
   */
  @SuppressWarnings("unchecked")
  private static List<NewTopic> declaredTopics(SkillwayProperties.Kafka kafka) {
    KafkaAdmin.NewTopics topics = KafkaTopicDeclarations.all(kafka);
    try {
      Method getter = KafkaAdmin.NewTopics.class.getDeclaredMethod("getNewTopics");
      getter.setAccessible(true);
      return (List<NewTopic>) getter.invoke(topics);
    } catch (ReflectiveOperationException e) {
      throw new IllegalStateException(e);
    }
  }

  private static List<String> aclProblems(List<KafkaUser> users) {
    List<String> problems = new ArrayList<>();
    for (KafkaUser user : users) {
      String name = user.getMetadata().getName();
      Topic.Writer service =
          Topic.Writer.valueOf(name.replace("-service", "").toUpperCase(java.util.Locale.ROOT));
      Set<String> writes = new TreeSet<>();
      Set<String> reads = new TreeSet<>();
      for (AclRule rule :
          ((KafkaUserAuthorizationSimple) user.getSpec().getAuthorization()).getAcls()) {
        if (rule.getType() == AclRuleType.DENY) {
          continue;
        }
        List<AclOperation> operations =
            rule.getOperations() != null ? rule.getOperations() : List.of(rule.getOperation());
        if (!(rule.getResource() instanceof AclRuleTopicResource resource)) {
          if (!rule.getResource().getType().equals("group")
              || !operations.equals(List.of(AclOperation.READ))) {
            problems.add(name + " has a rule beyond topics and reading its groups: " + rule);
          }
          continue;
        }
        Set<String> matched =
            Stream.of(Topic.values())
                .map(Topic::topicName)
                .filter(t -> matches(resource, t))
                .collect(Collectors.toCollection(TreeSet::new));
        if (operations.stream().anyMatch(KubernetesManifestsTest::writes)) {
          writes.addAll(matched);
        }
        if (operations.contains(AclOperation.READ) || operations.contains(AclOperation.ALL)) {
          reads.addAll(matched);
        }
      }
      Set<String> owned =
          Stream.of(Topic.values())
              .filter(t -> t.writer() == service)
              .map(Topic::topicName)
              .collect(Collectors.toCollection(TreeSet::new));
      Set<String> foreign = new TreeSet<>(writes);
      foreign.removeAll(owned);
      if (!foreign.isEmpty()) {
        problems.add(name + " may write " + foreign + ", owned by another service");
      }
      Set<String> unwritable = new TreeSet<>(owned);
      unwritable.removeAll(writes);
      if (!unwritable.isEmpty()) {
        problems.add(name + " may not write its own " + unwritable);
      }
      Set<String> consumed =
          CONSUMES.get(service).stream()
              .map(Topic::topicName)
              .collect(Collectors.toCollection(TreeSet::new));
      if (!reads.equals(consumed)) {
        problems.add(name + " may read " + reads + " but consumes " + consumed);
      }
    }
    return problems;
  }

  private static Map<Topic.Writer, Set<Topic>> listenedTopics() {
    Map<Topic.Writer, Set<Topic>> consumes = new TreeMap<>();
    for (Topic.Writer writer : Topic.Writer.values()) {
      consumes.put(writer, new TreeSet<>());
    }
    Pattern topicConstant = Pattern.compile("Topic\\)\\.([A-Z_]+)\\.topicName");
    try {
      var resolver = new PathMatchingResourcePatternResolver();
      var readers = new SimpleMetadataReaderFactory(resolver);
      for (Resource resource : resolver.getResources("classpath*:org/skillway/**/*.class")) {
        var metadata = readers.getMetadataReader(resource).getAnnotationMetadata();
        String type = metadata.getClassName();
        Set<Topic.Writer> services =
            type.startsWith("org.skillway.support.")
                ? Set.of(Topic.Writer.values())
                : Stream.of(Topic.Writer.values())
                    .filter(
                        w ->
                            type.startsWith(
                                "org.skillway."
                                    + w.name().toLowerCase(java.util.Locale.ROOT)
                                    + "."))
                    .collect(Collectors.toSet());
        for (var method : metadata.getAnnotatedMethods(KafkaListener.class.getName())) {
          Matcher m =
              topicConstant.matcher(
                  text(method.getAnnotationAttributes(KafkaListener.class.getName())));
          while (m.find()) {
            Topic topic = Topic.valueOf(m.group(1));
            services.forEach(w -> consumes.get(w).add(topic));
          }
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return consumes;
  }

  /**
   * An annotation's attributes as text, arrays and nested annotations (topicPartitions) included.
   */
  private static String text(Object value) {
    if (value instanceof Object[] array) {
      return Stream.of(array).map(KubernetesManifestsTest::text).collect(Collectors.joining(","));
    }
    if (value instanceof Map<?, ?> map) {
      return map.values().stream()
          .map(KubernetesManifestsTest::text)
          .collect(Collectors.joining(","));
    }
    return String.valueOf(value);
  }

  private static boolean writes(AclOperation operation) {
    return switch (operation) {
      case WRITE, ALL, CREATE, DELETE, ALTER, ALTERCONFIGS -> true;
      default -> false;
    };
  }

  private static boolean matches(AclRuleTopicResource resource, String topic) {
    if (resource.getPatternType() == AclResourcePatternType.PREFIX) {
      return topic.startsWith(resource.getName());
    }
    return resource.getName().equals("*") || resource.getName().equals(topic);
  }

  /** Whether a service's settings read an environment variable. */
  private static boolean reads(String yml, String variable) {
    if (yml.contains("${" + variable + ":") || yml.contains("${" + variable + "}")) {
      return true;
    }
    if (variable.startsWith("SKILLWAY_KAFKA_")) {
      // Bound by relaxed binding to skillway.kafka.*, SkillwayProperties.Kafka's components.
      String component = variable.substring("SKILLWAY_KAFKA_".length());
      return Stream.of(SkillwayProperties.Kafka.class.getRecordComponents())
          .map(RecordComponent::getName)
          .map(n -> n.replaceAll("([A-Z])", "_$1").toUpperCase(java.util.Locale.ROOT))
          .anyMatch(component::equals);
    }
    // Spring Boot's own settings, by relaxed binding: a property its metadata names, or a key of
    // the
    // spring.kafka.properties map, which goes to every Kafka client as it is.
    if (variable.startsWith("SPRING_KAFKA_PROPERTIES_")) {
      return true;
    }
    String relaxed = variable.toLowerCase(java.util.Locale.ROOT).replace("_", "");
    return BOOT_PROPERTIES.stream()
        .anyMatch(p -> p.replace(".", "").replace("-", "").equals(relaxed));
  }

  private static final Set<String> BOOT_PROPERTIES = bootProperties();

  private static Set<String> bootProperties() {
    Set<String> names = new TreeSet<>();
    try {
      var metadata =
          KubernetesManifestsTest.class
              .getClassLoader()
              .getResources("META-INF/spring-configuration-metadata.json");
      while (metadata.hasMoreElements()) {
        try (InputStream in = metadata.nextElement().openStream()) {
          new ObjectMapper()
              .readTree(in)
              .path("properties")
              .forEach(p -> names.add(p.path("name").asText()));
        }
      }
    } catch (IOException e) {
      throw new IllegalStateException(e);
    }
    return names;
  }

  private static String classpathText(String resource) throws IOException {
    try (InputStream in =
        KubernetesManifestsTest.class.getClassLoader().getResourceAsStream(resource)) {
      assertThat(in).as(resource).isNotNull();
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }

  private static ConfigMap generated(Rendered rendered, String name) {
    return rendered.all(ConfigMap.class).stream()
        .filter(c -> c.getMetadata().getName().matches(Pattern.quote(name) + "-[a-z0-9]{10}"))
        .findFirst()
        .orElseThrow(() -> new AssertionError("no generated ConfigMap " + name));
  }

  private static PodSpec podSpec(HasMetadata workload) {
    if (workload instanceof Deployment d) {
      return d.getSpec().getTemplate().getSpec();
    }
    if (workload instanceof StatefulSet s) {
      return s.getSpec().getTemplate().getSpec();
    }
    if (workload instanceof Job j) {
      return j.getSpec().getTemplate().getSpec();
    }
    return null;
  }

  /** Parses a manifest with the model class of its apiVersion and kind. */
  private static HasMetadata parse(ObjectNode tree) {
    String key = tree.path("apiVersion").asText() + "/" + tree.path("kind").asText();
    String who = tree.path("kind").asText() + " " + tree.path("metadata").path("name").asText();
    Class<?> model = MODELS.get(key);
    if (model == null) {
      throw new AssertionError(who + ": no model for " + key + " (add one to MODELS)");
    }
    try {
      return (HasMetadata) MODEL_MAPPER.treeToValue(tree, model);
    } catch (IOException | IllegalArgumentException e) {
      throw new AssertionError(who + ": " + e.getMessage(), e);
    }
  }

  /**
   * fabric8's and Strimzi's models keep a field they do not know in additionalProperties instead of
   * failing: a misspelt field shows only there.
   */
  private static List<String> unknownFields(HasMetadata model) {
    List<String> problems = new ArrayList<>();
    walk(
        model,
        "",
        model.getKind() + " " + model.getMetadata().getName(),
        problems,
        Collections.newSetFromMap(new IdentityHashMap<>()));
    return problems;
  }

  private static void walk(
      Object value, String path, String who, List<String> problems, Set<Object> seen) {
    if (value == null || !seen.add(value)) {
      return;
    }
    if (value instanceof List<?> list) {
      for (int i = 0; i < list.size(); i++) {
        walk(list.get(i), path + "[" + i + "]", who, problems, seen);
      }
      return;
    }
    if (value instanceof Map<?, ?> map) {
      map.forEach((k, v) -> walk(v, path + "." + k, who, problems, seen));
      return;
    }
    String type = value.getClass().getName();
    if (!type.startsWith("io.fabric8.") && !type.startsWith("io.strimzi.")) {
      return;
    }
    for (Method getter : value.getClass().getMethods()) {
      if (getter.getParameterCount() != 0
          || Modifier.isStatic(getter.getModifiers())
          || getter.getDeclaringClass() == Object.class
          || !getter.getName().startsWith("get")) {
        continue;
      }
      Object child;
      try {
        child = getter.invoke(value);
      } catch (ReflectiveOperationException e) {
        continue;
      }
      if (getter.getName().equals("getAdditionalProperties")) {
        if (child instanceof Map<?, ?> extra && !extra.isEmpty()) {
          problems.add(
              who
                  + ": "
                  + (path.isEmpty() ? "(top)" : path.substring(1))
                  + " has unknown "
                  + new TreeSet<>(extra.keySet().stream().map(String::valueOf).toList()));
        }
        continue;
      }
      String field = getter.getName().substring(3);
      field = Character.toLowerCase(field.charAt(0)) + field.substring(1);
      walk(child, path + "." + field, who, problems, seen);
    }
  }

  private static Optional<String> kubectlKustomizeVersion() {
    try {
      Process process =
          new ProcessBuilder("kubectl", "version", "--client").redirectErrorStream(true).start();
      String output = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
      if (!process.waitFor(30, TimeUnit.SECONDS) || process.exitValue() != 0) {
        return Optional.empty();
      }
      Matcher m = Pattern.compile("Kustomize Version: v(\\d+)\\.").matcher(output);
      return m.find() && Integer.parseInt(m.group(1)) >= 4
          ? Optional.of(m.group())
          : Optional.empty();
    } catch (IOException e) {
      return Optional.empty();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return Optional.empty();
    }
  }

  /**
   * Both renderings, with generated names' hash suffixes masked (this kustomize hashes
   * differently), named list items in name order (strategic merge may reorder them) and Secrets'
   * base64 unwrapped.
   */
  private static Map<String, JsonNode> comparable(List<ObjectNode> trees) {
    Map<String, JsonNode> byId = new TreeMap<>();
    for (ObjectNode tree : trees) {
      String text = tree.toString().replaceAll("\"([a-z0-9.-]+)-[a-z0-9]{10}\"", "\"$1-HASH\"");
      try {
        JsonNode node = sortNamedLists(new ObjectMapper().readTree(text));
        if (node.path("kind").asText().equals("Secret")
            && node.get("data") instanceof ObjectNode data) {
          // kustomize wraps long base64 values; Kubernetes ignores the line breaks.
          data.fields()
              .forEachRemaining(
                  e -> data.put(e.getKey(), e.getValue().asText().replaceAll("\\s", "")));
        }
        byId.put(
            node.path("kind").asText() + "/" + node.path("metadata").path("name").asText(), node);
      } catch (IOException e) {
        throw new IllegalStateException(e);
      }
    }
    return byId;
  }

  private static JsonNode sortNamedLists(JsonNode node) {
    if (node instanceof ObjectNode object) {
      object.fields().forEachRemaining(e -> e.setValue(sortNamedLists(e.getValue())));
      return object;
    }
    if (node instanceof ArrayNode array) {
      List<JsonNode> items = new ArrayList<>();
      array.forEach(i -> items.add(sortNamedLists(i)));
      if (!items.isEmpty() && items.stream().allMatch(i -> i.has("name"))) {
        items.sort(Comparator.comparing(i -> i.path("name").asText()));
      }
      ArrayNode sorted = JsonNodeFactory.instance.arrayNode();
      items.forEach(sorted::add);
      return sorted;
    }
    return node;
  }

  private static Path findK8s() {
    Path dir = Path.of("").toAbsolutePath();
    while (dir != null && !Files.exists(dir.resolve("k8s/base/kustomization.yaml"))) {
      dir = dir.getParent();
    }
    assertThat(dir).as("a k8s/base/kustomization.yaml above the working directory").isNotNull();
    return dir.resolve("k8s");
  }

  private static void copyTree(Path from, Path to) throws IOException {
    try (Stream<Path> files = Files.walk(from)) {
      for (Path source : files.toList()) {
        Path target = to.resolve(from.relativize(source).toString());
        if (Files.isDirectory(source)) {
          Files.createDirectories(target);
        } else if (!source.getParent().getFileName().toString().equals("secrets")
            || source.toString().endsWith(".example")) {
          // A developer's real secret files stay where they are: the test uses the examples.
          Files.copy(source, target);
        }
      }
    }
  }

  /**
   * The part of kustomize (v5) that the files under k8s/ use: resources (files and directories),
   * namespace, labels, configMapGenerator and secretGenerator (envs, files, literals,
   * options.labels, behavior create or merge) with hashed names and the references to them
   * rewritten, patches (strategic merge or JSON 6902, by path or inline, with a target), replicas
   * and images. Any other kustomization field fails the build, so a new one cannot be silently
   * ignored.
   */
  static final class Kustomize {
    private static final Set<String> SUPPORTED =
        Set.of(
            "apiVersion",
            "kind",
            "namespace",
            "labels",
            "resources",
            "configMapGenerator",
            "secretGenerator",
            "patches",
            "replicas",
            "images");
    private static final Set<String> CLUSTER_SCOPED =
        Set.of("Namespace", "CustomResourceDefinition", "ClusterRole", "ClusterRoleBinding");
    private static final Set<String> BUILT_IN_GROUPS =
        Set.of("v1", "apps", "batch", "policy", "autoscaling", "networking.k8s.io");
    private static final YAMLMapper YAML = new YAMLMapper();

    private final Set<ObjectNode> generated = Collections.newSetFromMap(new IdentityHashMap<>());

    List<ObjectNode> build(Path dir) throws IOException {
      List<ObjectNode> resources = accumulate(dir);
      // Generated names get a hash of their content, and every reference follows them.
      Map<String, String> renamed = new LinkedHashMap<>();
      for (ObjectNode resource : resources) {
        if (generated.contains(resource)) {
          ObjectNode metadata = (ObjectNode) resource.get("metadata");
          String name = metadata.path("name").asText();
          String hashed = name + "-" + hash(resource);
          renamed.put(resource.path("kind").asText() + "/" + name, hashed);
          metadata.put("name", hashed);
        }
      }
      for (ObjectNode resource : resources) {
        podSpecs(resource).forEach(pod -> renameReferences(pod, renamed));
      }
      return resources;
    }

    private List<ObjectNode> accumulate(Path dir) throws IOException {
      JsonNode k = YAML.readTree(dir.resolve("kustomization.yaml").toFile());
      k.fieldNames()
          .forEachRemaining(
              f -> {
                if (!SUPPORTED.contains(f)) {
                  throw new AssertionError(dir + ": kustomization field " + f + " not implemented");
                }
              });
      List<ObjectNode> resources = new ArrayList<>();
      for (JsonNode entry : k.path("resources")) {
        Path path = dir.resolve(entry.asText()).normalize();
        if (Files.isDirectory(path)) {
          resources.addAll(accumulate(path));
        } else {
          resources.addAll(readAll(Files.readString(path)));
        }
      }
      generate(dir, k.path("configMapGenerator"), "ConfigMap", resources);
      generate(dir, k.path("secretGenerator"), "Secret", resources);
      for (JsonNode patch : k.path("patches")) {
        applyPatch(dir, patch, resources);
      }
      if (k.has("namespace")) {
        for (ObjectNode r : resources) {
          if (!CLUSTER_SCOPED.contains(r.path("kind").asText())) {
            ((ObjectNode) r.get("metadata")).put("namespace", k.get("namespace").asText());
          }
        }
      }
      for (JsonNode labels : k.path("labels")) {
        if (labels.path("includeSelectors").asBoolean()
            || labels.path("includeTemplates").asBoolean()) {
          throw new AssertionError(dir + ": labels with selectors or templates not implemented");
        }
        for (ObjectNode r : resources) {
          ObjectNode metadata = (ObjectNode) r.get("metadata");
          ObjectNode existing =
              metadata.has("labels")
                  ? (ObjectNode) metadata.get("labels")
                  : metadata.putObject("labels");
          existing.setAll((ObjectNode) labels.get("pairs"));
        }
      }
      for (JsonNode replicas : k.path("replicas")) {
        for (ObjectNode r : resources) {
          if (Set.of("Deployment", "StatefulSet", "ReplicaSet").contains(r.path("kind").asText())
              && r.path("metadata").path("name").asText().equals(replicas.get("name").asText())) {
            ((ObjectNode) r.get("spec")).put("replicas", replicas.get("count").asInt());
          }
        }
      }
      for (JsonNode image : k.path("images")) {
        for (ObjectNode r : resources) {
          for (ObjectNode pod : podSpecs(r)) {
            for (String list : List.of("containers", "initContainers")) {
              for (JsonNode container : pod.path(list)) {
                retag((ObjectNode) container, image);
              }
            }
          }
        }
      }
      return resources;
    }

    private static void retag(ObjectNode container, JsonNode image) {
      String current = container.path("image").asText();
      int colon = current.lastIndexOf(':');
      String name = colon > current.lastIndexOf('/') ? current.substring(0, colon) : current;
      String tag = colon > current.lastIndexOf('/') ? current.substring(colon + 1) : null;
      if (!name.equals(image.get("name").asText())) {
        return;
      }
      name = image.has("newName") ? image.get("newName").asText() : name;
      tag = image.has("newTag") ? image.get("newTag").asText() : tag;
      container.put("image", tag == null ? name : name + ":" + tag);
    }

    static List<String> sources(JsonNode generator) {
      List<String> sources = new ArrayList<>();
      generator.path("envs").forEach(e -> sources.add(e.asText()));
      generator
          .path("files")
          .forEach(
              f -> {
                String file = f.asText();
                sources.add(file.contains("=") ? file.substring(file.indexOf('=') + 1) : file);
              });
      return sources;
    }

    private void generate(Path dir, JsonNode generators, String kind, List<ObjectNode> resources)
        throws IOException {
      for (JsonNode generator : generators) {
        Map<String, String> data = new TreeMap<>();
        for (JsonNode env : generator.path("envs")) {
          for (String line : Files.readAllLines(dir.resolve(env.asText()))) {
            if (!line.isBlank() && !line.startsWith("#")) {
              data.put(line.substring(0, line.indexOf('=')), line.substring(line.indexOf('=') + 1));
            }
          }
        }
        for (JsonNode file : generator.path("files")) {
          String spec = file.asText();
          String key = spec.contains("=") ? spec.substring(0, spec.indexOf('=')) : null;
          Path path =
              dir.resolve(spec.contains("=") ? spec.substring(spec.indexOf('=') + 1) : spec);
          data.put(key != null ? key : path.getFileName().toString(), Files.readString(path));
        }
        for (JsonNode literal : generator.path("literals")) {
          String l = literal.asText();
          data.put(l.substring(0, l.indexOf('=')), l.substring(l.indexOf('=') + 1));
        }
        String name = generator.get("name").asText();
        String behavior = generator.path("behavior").asText("create");
        Optional<ObjectNode> existing =
            resources.stream()
                .filter(generated::contains)
                .filter(r -> r.path("kind").asText().equals(kind))
                .filter(r -> r.path("metadata").path("name").asText().equals(name))
                .findFirst();
        ObjectNode resource;
        if (behavior.equals("merge")) {
          resource = existing.orElseThrow(() -> new AssertionError("merge into no " + name));
        } else if (behavior.equals("create")) {
          if (existing.isPresent()) {
            throw new AssertionError(name + " generated twice");
          }
          resource = JsonNodeFactory.instance.objectNode();
          resource.put("apiVersion", "v1").put("kind", kind);
          resource.putObject("metadata").put("name", name);
          if (kind.equals("Secret")) {
            resource.put("type", "Opaque");
          }
          resources.add(resource);
          generated.add(resource);
        } else {
          throw new AssertionError("generator behavior " + behavior + " not implemented");
        }
        ObjectNode out =
            resource.has("data") ? (ObjectNode) resource.get("data") : resource.putObject("data");
        data.forEach(
            (k, v) ->
                out.put(
                    k,
                    kind.equals("Secret")
                        ? Base64.getEncoder().encodeToString(v.getBytes(StandardCharsets.UTF_8))
                        : v));
        // Keys in order, as kustomize writes them.
        Map<String, JsonNode> sorted = new TreeMap<>();
        out.fields().forEachRemaining(e -> sorted.put(e.getKey(), e.getValue()));
        out.removeAll();
        sorted.forEach(out::set);
        if (generator.path("options").has("labels")) {
          ObjectNode metadata = (ObjectNode) resource.get("metadata");
          ObjectNode labels =
              metadata.has("labels")
                  ? (ObjectNode) metadata.get("labels")
                  : metadata.putObject("labels");
          labels.setAll((ObjectNode) generator.path("options").get("labels"));
        }
      }
    }

    private void applyPatch(Path dir, JsonNode entry, List<ObjectNode> resources)
        throws IOException {
      String text =
          entry.has("path")
              ? Files.readString(dir.resolve(entry.get("path").asText()))
              : entry.get("patch").asText();
      JsonNode target = entry.path("target");
      JsonNode first = YAML.readTree(text);
      if (first instanceof ArrayNode operations) {
        List<ObjectNode> targets = resources.stream().filter(r -> selects(target, r)).toList();
        if (targets.isEmpty()) {
          throw new AssertionError("JSON 6902 patch matches nothing: " + target);
        }
        for (ObjectNode r : targets) {
          for (JsonNode operation : operations) {
            applyOperation(r, operation);
          }
        }
        return;
      }
      for (ObjectNode patch : readAll(text)) {
        List<ObjectNode> targets =
            resources.stream()
                .filter(r -> r.path("kind").equals(patch.path("kind")))
                .filter(
                    r ->
                        r.path("metadata").path("name").equals(patch.path("metadata").path("name")))
                .filter(r -> target.isMissingNode() || selects(target, r))
                .toList();
        if (targets.size() != 1) {
          throw new AssertionError(
              "strategic merge patch for "
                  + patch.path("kind")
                  + " "
                  + patch.path("metadata").path("name")
                  + " matches "
                  + targets.size()
                  + " resources");
        }
        ObjectNode r = targets.get(0);
        merge(r, patch, BUILT_IN_GROUPS.contains(r.path("apiVersion").asText().split("/")[0]));
      }
    }

    private static boolean selects(JsonNode target, ObjectNode r) {
      String apiVersion = r.path("apiVersion").asText();
      String group =
          apiVersion.contains("/") ? apiVersion.substring(0, apiVersion.indexOf('/')) : "";
      return (!target.has("kind") || target.get("kind").asText().equals(r.path("kind").asText()))
          && (!target.has("name")
              || target.get("name").asText().equals(r.path("metadata").path("name").asText()))
          && (!target.has("group") || target.get("group").asText().equals(group));
    }

    /**
     * Strategic merge: maps merge, a null deletes; in built-in kinds, lists of named items merge by
     * name; any other list (and every list of a custom resource, as kustomize treats them) is
     * replaced.
     */
    private static void merge(ObjectNode into, ObjectNode patch, boolean builtIn) {
      Iterator<Map.Entry<String, JsonNode>> fields = patch.fields();
      while (fields.hasNext()) {
        Map.Entry<String, JsonNode> e = fields.next();
        JsonNode current = into.get(e.getKey());
        JsonNode value = e.getValue();
        if (value.isNull()) {
          into.remove(e.getKey());
        } else if (current instanceof ObjectNode c && value instanceof ObjectNode v) {
          merge(c, v, builtIn);
        } else if (builtIn
            && current instanceof ArrayNode c
            && value instanceof ArrayNode v
            && allNamed(c)
            && allNamed(v)) {
          for (JsonNode item : v) {
            Optional<JsonNode> same =
                toList(c).stream().filter(i -> i.get("name").equals(item.get("name"))).findFirst();
            if (same.isPresent()) {
              merge((ObjectNode) same.get(), (ObjectNode) item, builtIn);
            } else {
              c.add(item.deepCopy());
            }
          }
        } else {
          into.set(e.getKey(), value.deepCopy());
        }
      }
    }

    private static List<JsonNode> toList(ArrayNode array) {
      List<JsonNode> items = new ArrayList<>();
      array.forEach(items::add);
      return items;
    }

    private static boolean allNamed(ArrayNode array) {
      return toList(array).stream().allMatch(i -> i instanceof ObjectNode && i.has("name"));
    }

    private static void applyOperation(ObjectNode root, JsonNode operation) {
      String op = operation.get("op").asText();
      List<String> path =
          Stream.of(operation.get("path").asText().substring(1).split("/", -1))
              .map(p -> p.replace("~1", "/").replace("~0", "~"))
              .toList();
      JsonNode parent = root;
      for (String segment : path.subList(0, path.size() - 1)) {
        parent =
            parent instanceof ArrayNode a ? a.get(Integer.parseInt(segment)) : parent.get(segment);
        if (parent == null) {
          throw new AssertionError("JSON 6902 path " + operation.get("path") + " not found");
        }
      }
      String last = path.get(path.size() - 1);
      switch (op) {
        case "add", "replace" -> {
          JsonNode value = operation.get("value").deepCopy();
          if (parent instanceof ArrayNode a) {
            if (last.equals("-")) {
              a.add(value);
            } else if (op.equals("add")) {
              a.insert(Integer.parseInt(last), value);
            } else {
              a.set(Integer.parseInt(last), value);
            }
          } else {
            if (op.equals("replace") && !parent.has(last)) {
              throw new AssertionError("JSON 6902 replace of a missing " + operation.get("path"));
            }
            ((ObjectNode) parent).set(last, value);
          }
        }
        case "remove" -> {
          if (parent instanceof ArrayNode a) {
            a.remove(Integer.parseInt(last));
          } else {
            ((ObjectNode) parent).remove(last);
          }
        }
        default -> throw new AssertionError("JSON 6902 op " + op + " not implemented");
      }
    }

    private static List<ObjectNode> podSpecs(ObjectNode resource) {
      JsonNode pod = resource.path("spec").path("template").path("spec");
      return pod instanceof ObjectNode o ? List.of(o) : List.of();
    }

    private static void renameReferences(ObjectNode pod, Map<String, String> renamed) {
      for (String list : List.of("containers", "initContainers")) {
        for (JsonNode container : pod.path(list)) {
          for (JsonNode from : container.path("envFrom")) {
            rename(from.path("configMapRef"), "name", "ConfigMap", renamed);
            rename(from.path("secretRef"), "name", "Secret", renamed);
          }
          for (JsonNode env : container.path("env")) {
            rename(env.path("valueFrom").path("configMapKeyRef"), "name", "ConfigMap", renamed);
            rename(env.path("valueFrom").path("secretKeyRef"), "name", "Secret", renamed);
          }
        }
      }
      for (JsonNode volume : pod.path("volumes")) {
        rename(volume.path("configMap"), "name", "ConfigMap", renamed);
        rename(volume.path("secret"), "secretName", "Secret", renamed);
      }
    }

    private static void rename(
        JsonNode ref, String field, String kind, Map<String, String> renamed) {
      if (ref instanceof ObjectNode o && o.has(field)) {
        String to = renamed.get(kind + "/" + o.get(field).asText());
        if (to != null) {
          o.put(field, to);
        }
      }
    }

    private static String hash(ObjectNode resource) {
      try {
        byte[] digest =
            MessageDigest.getInstance("SHA-256")
                .digest(resource.path("data").toString().getBytes(StandardCharsets.UTF_8));
        StringBuilder out = new StringBuilder();
        for (char c : HexFormat.of().formatHex(digest).substring(0, 10).toCharArray()) {
          // kustomize's alphabet: no vowels or digits that could spell words.
          out.append(
              switch (c) {
                case '0' -> 'g';
                case '1' -> 'h';
                case '3' -> 'k';
                case 'a' -> 'm';
                case 'e' -> 't';
                default -> c;
              });
        }
        return out.toString();
      } catch (java.security.NoSuchAlgorithmException e) {
        throw new IllegalStateException(e);
      }
    }

    private static List<ObjectNode> readAll(String text) throws IOException {
      List<ObjectNode> docs = new ArrayList<>();
      try (var values = YAML.readerFor(JsonNode.class).<JsonNode>readValues(text)) {
        while (values.hasNext()) {
          JsonNode doc = values.next();
          if (doc instanceof ObjectNode o) {
            docs.add(o);
          }
        }
      }
      return docs;
    }
  }
}
