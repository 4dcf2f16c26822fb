package org.skillway.bench;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.io.BufferedWriter;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.Semaphore;
import java.util.stream.Collectors;
import jdk.jfr.Recording;
import jdk.jfr.consumer.RecordedEvent;
import jdk.jfr.consumer.RecordedFrame;
import jdk.jfr.consumer.RecordingFile;
import org.apache.kafka.clients.admin.Admin;
import org.apache.kafka.clients.admin.AdminClientConfig;
import org.apache.kafka.clients.admin.ConsumerGroupListing;
import org.apache.kafka.clients.admin.OffsetSpec;
import org.apache.kafka.clients.consumer.OffsetAndMetadata;
import org.apache.kafka.common.TopicPartition;
import org.bson.Document;
import org.skillway.infra.FreePorts;
import org.skillway.local.LocalPlatform;
import org.skillway.local.LocalSettings;
import org.skillway.taxonomy.Collection;
import org.skillway.taxonomy.Skill;
import org.skillway.taxonomy.Taxonomy;
import org.skillway.taxonomy.geo.Outcodes;
import reactor.core.publisher.Mono;

/**
 * A cohort through the whole local platform, timed until its last notification: the platform {@code
 * ./run-local.sh} runs (the Kafka broker in a child JVM, the MongoDB wire server and the three
 * services in this one), started afresh in a temporary folder; a set of open vacancies posted
 * through the employer API and matched; then a cohort uploaded through the university API. The
 * clock runs from the upload until every consumer group has caught up (no lag on any topic) and no
 * delivery is pending: every profile matched, every match stored and published, every notification
 * stored and every invitation e-mailed. A JFR recording of the burst says where the CPU went, by
 * service and by method.
 *
 * <p>Run: {@code java -Xmx2g -cp "$(cat bench/target/classpath.txt):bench/target/classes"
 * org.skillway.bench.CohortLoadProbe 10000 10000} (students, vacancies). It needs the SMTP ports of
 * the local platform (3025, 3143) free: stop {@code ./run-local.sh} first.
 */
public final class CohortLoadProbe {
  private static final String EMPLOYER = "demo-employer-key-northwest-digital";
  private static final String UNIVERSITY = "demo-university-key-northwest-uni";
  private static final Duration POLL = Duration.ofMillis(500);

  /**
   * How many digital skills the vacancies and students draw on: few enough that a student matches a
   * handful of the vacancies (about 8 each at 10,000, as on the platform the issue measured).
   */
  private static final int SKILLS = 150;

  private CohortLoadProbe() {}

  public static void main(String[] args) throws Exception {
    int students = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
    int vacancies = args.length > 1 ? Integer.parseInt(args[1]) : 10_000;
    Path dataDir = Files.createTempDirectory("skillway-cohort-load");
    LocalSettings settings =
        new LocalSettings(
            dataDir,
            "127.0.0.1",
            FreePorts.find(),
            FreePorts.find(),
            FreePorts.find(),
            FreePorts.find(),
            FreePorts.find(),
            FreePorts.find());
    Pool pool = Pool.load();
    try (LocalPlatform platform =
            LocalPlatform.start(settings, System.getProperty("java.class.path"));
        Admin admin =
            Admin.create(
                Map.of(
                    AdminClientConfig.BOOTSTRAP_SERVERS_CONFIG, platform.kafkaBootstrapServers()));
        MongoClient mongo = MongoClients.create(platform.mongoUri())) {
      String base = "http://127.0.0.1:" + platform.services().ingestPort();
      HttpClient http = HttpClient.newHttpClient();

      long start = System.nanoTime();
      postVacancies(http, base, pool, vacancies);
      System.out.printf(
          "%,d vacancies posted in %.1f s%n", vacancies, (System.nanoTime() - start) / 1e9);
      awaitQuiet(admin, mongo, "vacancies matched", start);

      Path cohort = pool.cohortFile(students);
      Path jfr = dataDir.resolve("cohort.jfr");
      long cpuBefore = processCpuNanos();
      long brokerBefore = brokerCpuNanos();
      long matchesBefore = count(mongo, "skillway-matching", "matches");
      long notificationsBefore = count(mongo, "skillway-notification", "notifications");
      try (Recording recording = new Recording(jdk.jfr.Configuration.getConfiguration("profile"))) {
        recording.start();
        start = System.nanoTime();
        String report = upload(http, base, cohort);
        double accepted = (System.nanoTime() - start) / 1e9;
        System.out.printf("cohort of %,d accepted in %.1f s: %s%n", students, accepted, report);
        double seconds = awaitQuiet(admin, mongo, "cohort matched and notified", start);
        recording.stop();
        recording.dump(jfr);
        double cpu = (processCpuNanos() - cpuBefore) / 1e9;
        double brokerCpu = (brokerCpuNanos() - brokerBefore) / 1e9;
        long matches = count(mongo, "skillway-matching", "matches") - matchesBefore;
        long notifications =
            count(mongo, "skillway-notification", "notifications") - notificationsBefore;
        System.out.printf(
            "%n%,d students: %,d matches stored, %,d in-app notifications, in %.1f s from the"
                + " upload: %,.0f profiles a second%n",
            students, matches, notifications, seconds, students / seconds);
        System.out.printf(
            "CPU: platform JVM %.1f s (%.0f ms a profile), Kafka broker JVM %.1f s, over %d"
                + " cores%n",
            cpu, 1000 * cpu / students, brokerCpu, Runtime.getRuntime().availableProcessors());
        printStored(mongo);
        CpuProfile.print(jfr, cpu);
      }
    }
    System.exit(0);
  }

  /** Posts the vacancies through the employer API, 16 at a time. */
  private static void postVacancies(HttpClient http, String base, Pool pool, int count)
      throws Exception {
    Semaphore inFlight = new Semaphore(16);
    List<CompletableFuture<?>> sent = new ArrayList<>();
    Random random = new Random(11);
    for (int i = 0; i < count; i++) {
      String body = pool.vacancyJson(random, i);
      inFlight.acquire();
      sent.add(
          http.sendAsync(
                  HttpRequest.newBuilder(URI.create(base + "/api/v1/vacancies"))
                      .header("X-API-Key", EMPLOYER)
                      .header("Content-Type", "application/json")
                      .POST(HttpRequest.BodyPublishers.ofString(body))
                      .build(),
                  HttpResponse.BodyHandlers.ofString())
              .whenComplete(
                  (response, failure) -> {
                    inFlight.release();
                    if (failure != null || response.statusCode() != 201) {
                      System.err.println(
                          "vacancy refused: "
                              + (failure != null
                                  ? failure
                                  : response.statusCode() + " " + response.body()));
                    }
                  }));
    }
    CompletableFuture.allOf(sent.toArray(CompletableFuture[]::new)).join();
  }

  private static String upload(HttpClient http, String base, Path file) throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(URI.create(base + "/api/v1/cohorts/load-probe/students"))
                .header("X-API-Key", UNIVERSITY)
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    String body = response.body();
    return body.length() > 200 ? body.substring(0, 200) + "…" : body;
  }

  /**
   * Waits until no consumer group lags on any partition and no delivery is pending, twice in a row
   * (a consumer may have read a record whose effects are still being written), printing progress.
   * Pending deliveries are counted only once nothing lags: on the wire server a count reads every
   * delivery, and counting every poll through the burst cost the platform 6% of its CPU.
   *
   * @return seconds from {@code start} to the first of the two quiet readings
   */
  private static double awaitQuiet(Admin admin, MongoClient mongo, String what, long start)
      throws Exception {
    double quietAt = -1;
    long lastPrint = 0;
    while (true) {
      Thread.sleep(POLL.toMillis());
      Map<String, Long> lags = lag(admin);
      long lag = lags.values().stream().mapToLong(Long::longValue).sum();
      long pending =
          lag > 0
              ? -1
              : Mono.from(
                      mongo
                          .getDatabase("skillway-notification")
                          .getCollection("deliveries")
                          .countDocuments(new Document("state", "PENDING")))
                  .block();
      double now = (System.nanoTime() - start) / 1e9;
      if (System.nanoTime() - lastPrint > 5e9) {
        System.out.printf(
            "  %s: %.0f s, %,d records behind, %s deliveries pending %s%n",
            what, now, lag, pending < 0 ? "(not counted)" : String.format("%,d", pending), lags);
        lastPrint = System.nanoTime();
      }
      if (lag == 0 && pending == 0) {
        if (quietAt >= 0) {
          return quietAt;
        }
        quietAt = now;
      } else {
        quietAt = -1;
      }
    }
  }

  /** Records behind, by consumer group and topic (only those behind). */
  private static Map<String, Long> lag(Admin admin) throws Exception {
    Map<String, Long> behind = new java.util.TreeMap<>();
    for (ConsumerGroupListing group : admin.listConsumerGroups().all().get()) {
      Map<TopicPartition, OffsetAndMetadata> committed =
          admin.listConsumerGroupOffsets(group.groupId()).partitionsToOffsetAndMetadata().get();
      Map<TopicPartition, OffsetSpec> latest =
          committed.keySet().stream()
              .collect(Collectors.toMap(partition -> partition, partition -> OffsetSpec.latest()));
      var ends = admin.listOffsets(latest).all().get();
      for (var entry : committed.entrySet()) {
        long lag =
            entry.getValue() == null
                ? 0
                : ends.get(entry.getKey()).offset() - entry.getValue().offset();
        if (lag > 0) {
          behind.merge(group.groupId() + " on " + entry.getKey().topic(), lag, Long::sum);
        }
      }
    }
    return behind;
  }

  /** How many documents each service stores: what the platform writes for a cohort. */
  private static void printStored(MongoClient mongo) {
    System.out.printf("%nDocuments stored:%n");
    for (String database :
        List.of("skillway-ingest", "skillway-matching", "skillway-notification")) {
      List<String> collections =
          reactor.core.publisher.Flux.from(mongo.getDatabase(database).listCollectionNames())
              .collectList()
              .block();
      for (String collection : collections) {
        System.out.printf(
            "  %,9d  %s.%s%n", count(mongo, database, collection), database, collection);
      }
    }
  }

  private static long count(MongoClient mongo, String database, String collection) {
    return Mono.from(mongo.getDatabase(database).getCollection(collection).countDocuments())
        .block();
  }

  private static long processCpuNanos() {
    return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
        .getProcessCpuTime();
  }

  private static long brokerCpuNanos() {
    return ProcessHandle.current()
        .children()
        .mapToLong(child -> child.info().totalCpuDuration().map(Duration::toNanos).orElse(0L))
        .sum();
  }

  /** Where the CPU went in a JFR recording: execution samples by service and by method. */
  static final class CpuProfile {
    private CpuProfile() {}

    static void print(Path jfr, double cpuSeconds) throws Exception {
      Map<String, Integer> byPart = new HashMap<>();
      Map<String, Integer> byMethod = new HashMap<>();
      Map<String, Integer> bySkillwayMethod = new HashMap<>();
      int samples = 0;
      for (RecordedEvent event : RecordingFile.readAllEvents(jfr)) {
        if (!event.getEventType().getName().equals("jdk.ExecutionSample")
            || event.getStackTrace() == null) {
          continue;
        }
        List<RecordedFrame> frames = event.getStackTrace().getFrames();
        if (frames.isEmpty()) {
          continue;
        }
        samples++;
        byMethod.merge(name(frames.get(0)), 1, Integer::sum);
        String part = "other (Kafka client, Netty, JDK)";
        for (RecordedFrame frame : frames) {
          String type = frame.getMethod().getType().getName();
          if (type.startsWith("org.skillway.")) {
            bySkillwayMethod.merge(name(frame), 1, Integer::sum);
            part = partOf(type, part);
            break;
          }
          String found = partOf(type, null);
          if (found != null) {
            part = found;
            break;
          }
        }
        byPart.merge(part, 1, Integer::sum);
      }
      System.out.printf("%nCPU by part (%,d JFR execution samples):%n", samples);
      print(byPart, samples, cpuSeconds, 20);
      System.out.printf("%nHottest methods (top of stack):%n");
      print(byMethod, samples, cpuSeconds, 25);
      System.out.printf("%nHottest Skillway methods (nearest Skillway frame):%n");
      print(bySkillwayMethod, samples, cpuSeconds, 25);
    }

    private static String partOf(String type, String fallback) {
      if (type.startsWith("org.skillway.ingest")) {
        return "ingest-service";
      }
      if (type.startsWith("org.skillway.matching")) {
        return "matching-service";
      }
      if (type.startsWith("org.skillway.notification")) {
        return "notification-service";
      }
      if (type.startsWith("org.skillway.infra")
          || type.startsWith("org.h2")
          || type.startsWith("de.bwaldvogel")) {
        return "MongoDB wire server";
      }
      if (type.startsWith("com.icegreen")) {
        return "SMTP server (GreenMail)";
      }
      if (type.startsWith("org.skillway.bench")) {
        return "this probe";
      }
      if (type.startsWith("com.mongodb") || type.startsWith("org.bson")) {
        return fallback == null ? "MongoDB driver" : fallback;
      }
      return fallback;
    }

    private static String name(RecordedFrame frame) {
      return frame.getMethod().getType().getName() + "." + frame.getMethod().getName();
    }

    private static void print(Map<String, Integer> counts, int samples, double cpu, int limit) {
      counts.entrySet().stream()
          .sorted(Map.Entry.<String, Integer>comparingByValue().reversed())
          .limit(limit)
          .forEach(
              e ->
                  System.out.printf(
                      "  %5.1f%%  %6.1f s  %s%n",
                      100.0 * e.getValue() / samples, cpu * e.getValue() / samples, e.getKey()));
    }
  }

  /** Real ESCO digital skill labels and North West outcodes, shared by vacancies and students. */
  private record Pool(List<String> skills, List<String> places) {
    static Pool load() {
      Taxonomy taxonomy = Taxonomy.loadBundled();
      List<String> skills =
          taxonomy.all().stream()
              .filter(s -> s.collections().contains(Collection.DIGITAL))
              .map(Skill::preferredLabel)
              .filter(
                  label -> !label.contains(";") && !label.contains(":") && !label.contains("\""))
              .limit(SKILLS)
              .toList();
      return new Pool(skills, Outcodes.loadBundled().northWest());
    }

    String vacancyJson(Random random, int i) {
      String[] kinds = {"JOB", "JOB", "APPRENTICESHIP", "PLACEMENT"};
      String kind = kinds[random.nextInt(kinds.length)];
      StringBuilder json =
          new StringBuilder("{\"title\":\"Digital role ")
              .append(i)
              .append("\",\"kind\":\"")
              .append(kind)
              .append("\",\"outcode\":\"")
              .append(places.get(random.nextInt(places.size())))
              .append("\",\"closingDate\":\"")
              .append(LocalDate.now().plusMonths(6))
              .append("\",\"requiredSkills\":[");
      int[] picked =
          random.ints(0, skills.size()).distinct().limit(2 + random.nextInt(4)).toArray();
      for (int s = 0; s < picked.length; s++) {
        json.append(s > 0 ? "," : "")
            .append("{\"skillId\":\"")
            .append(skills.get(picked[s]))
            .append("\",\"level\":")
            .append(1 + random.nextInt(3))
            .append('}');
      }
      json.append(']');
      if (kind.equals("APPRENTICESHIP")) {
        json.append(
            ",\"apprenticeship\":{\"standard\":\"Software developer (ST0116)\",\"level\":4,"
                + "\"weeklyHours\":37,\"hourlyWage\":9.50}");
      }
      return json.append('}').toString();
    }

    /** A cohort file: 3-8 of the pool's skills each, at levels 1-5. */
    Path cohortFile(int rows) throws Exception {
      Random random = new Random(7);
      Path file = Files.createTempFile("cohort-load", ".csv");
      try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
        out.write(
            "studentRef,email,stage,course,graduationDate,outcode,skills,qualifications,"
                + "consentToMatch\n");
        for (int i = 0; i < rows; i++) {
          StringBuilder row =
              new StringBuilder("s-")
                  .append(i)
                  .append(",s-")
                  .append(i)
                  .append("@students.example.ac.uk,UNDERGRADUATE,BSc Computing,2027-07-01,")
                  .append(places.get(random.nextInt(places.size())))
                  .append(",\"");
          int[] picked =
              random.ints(0, skills.size()).distinct().limit(3 + random.nextInt(6)).toArray();
          for (int s = 0; s < picked.length; s++) {
            row.append(s > 0 ? ";" : "")
                .append(skills.get(picked[s]))
                .append(':')
                .append(1 + random.nextInt(5));
          }
          out.write(row.append("\",A level Maths:3,true\n").toString());
        }
      }
      return file;
    }
  }
}
