package org.skillway.bench;

import java.io.BufferedWriter;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Random;
import org.skillway.infra.TestInfrastructure;
import org.skillway.ingest.IngestApplication;
import org.skillway.ingest.apikey.ApiKeyStore;
import org.skillway.support.Role;
import org.skillway.taxonomy.Collection;
import org.skillway.taxonomy.Skill;
import org.skillway.taxonomy.Taxonomy;
import org.skillway.taxonomy.geo.Outcodes;
import org.springframework.context.ConfigurableApplicationContext;

/**
 * Upload throughput, end to end over HTTP: ingest-service in this JVM against the embedded Kafka
 * broker and the in-memory MongoDB wire server (the test infrastructure), a generated CSV cohort
 * file of real ESCO skill labels and North West outcodes streamed from disk, and the time until the
 * report comes back, by which point every accepted row is acknowledged by Kafka and stored. A first
 * upload of 10,000 rows warms the JVM. Run: {@code java -Xmx4g -cp "$(cat
 * bench/target/classpath.txt):bench/target/classes" org.skillway.bench.UploadProbe 100000}.
 */
public final class UploadProbe {
  private static final String KEY = "upload-probe-university-key";

  private UploadProbe() {}

  public static void main(String[] args) throws Exception {
    int rows = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    TestInfrastructure infra = TestInfrastructure.shared();
    Map<String, Object> settings = new HashMap<>(infra.springProperties("upload-probe"));
    settings.put("server.port", "0");
    settings.put("logging.level.root", "WARN");
    // System properties, as they outrank the service's own configuration files.
    settings.forEach((k, v) -> System.setProperty(k, String.valueOf(v)));
    try (ConfigurableApplicationContext ingest = IngestApplication.builder().run()) {
      ingest.getBean(ApiKeyStore.class).register(KEY, "probe-university", Role.UNIVERSITY).block();
      int port = Integer.parseInt(ingest.getEnvironment().getProperty("local.server.port"));
      Path warmUp = generate("warm", 10_000);
      Path file = generate("run", rows);
      HttpClient http = HttpClient.newHttpClient();
      upload(http, port, "warm-up", warmUp);
      long start = System.nanoTime();
      String report = upload(http, port, "measured", file);
      double seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "%,d rows (%,d bytes) in %.1f s: %,.0f rows/s%n%s%n",
          rows, Files.size(file), seconds, rows / seconds, report);
      start = System.nanoTime();
      upload(http, port, "measured", file);
      seconds = (System.nanoTime() - start) / 1e9;
      System.out.printf(
          "the same file again (all unchanged): %.1f s, %,.0f rows/s%n", seconds, rows / seconds);
    }
    System.exit(0);
  }

  private static String upload(HttpClient http, int port, String cohort, Path file)
      throws Exception {
    HttpResponse<String> response =
        http.send(
            HttpRequest.newBuilder(
                    URI.create(
                        "http://127.0.0.1:" + port + "/api/v1/cohorts/" + cohort + "/students"))
                .header("X-API-Key", KEY)
                .header("Content-Type", "text/csv")
                .timeout(Duration.ofMinutes(10))
                .POST(HttpRequest.BodyPublishers.ofFile(file))
                .build(),
            HttpResponse.BodyHandlers.ofString());
    if (response.statusCode() != 201) {
      throw new IllegalStateException(response.statusCode() + " " + response.body());
    }
    String body = response.body();
    return body.length() > 400 ? body.substring(0, 400) + "…" : body;
  }

  /** A cohort file: 3-8 skills each from 500 digital ESCO skills, by their labels. */
  private static Path generate(String name, int rows) throws Exception {
    Taxonomy taxonomy = Taxonomy.loadBundled();
    List<String> skills =
        taxonomy.all().stream()
            .filter(s -> s.collections().contains(Collection.DIGITAL))
            .map(Skill::preferredLabel)
            .filter(label -> !label.contains(";") && !label.contains(":"))
            .limit(500)
            .toList();
    List<String> places = Outcodes.loadBundled().northWest();
    Random random = new Random(7);
    Path file = Files.createTempFile("cohort-" + name, ".csv");
    try (BufferedWriter out = Files.newBufferedWriter(file, StandardCharsets.UTF_8)) {
      out.write(
          "studentRef,email,stage,course,graduationDate,outcode,skills,qualifications,consentToMatch\n");
      for (int i = 0; i < rows; i++) {
        StringBuilder row = new StringBuilder();
        row.append(name)
            .append('-')
            .append(i)
            .append(',')
            .append(name)
            .append('-')
            .append(i)
            .append("@students.example.ac.uk,UNDERGRADUATE,")
            .append("BSc Computing,2027-07-01,")
            .append(places.get(random.nextInt(places.size())))
            .append(",\"");
        int[] picked =
            random.ints(0, skills.size()).distinct().limit(3 + random.nextInt(6)).toArray();
        for (int s = 0; s < picked.length; s++) {
          if (s > 0) {
            row.append(';');
          }
          row.append(skills.get(picked[s]).replace("\"", "\"\""))
              .append(':')
              .append(1 + random.nextInt(5));
        }
        row.append("\",A level Maths:3,true\n");
        out.write(row.toString());
      }
    }
    return file;
  }
}
