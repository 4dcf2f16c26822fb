package org.skillway.bench;

import java.io.BufferedReader;
import java.io.File;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import org.skillway.taxonomy.Taxonomy;

/**
 * The taxonomy's load budget: {@link Taxonomy#loadBundled()} cold (a fresh JVM each time, as a
 * service starts) and the heap the loaded taxonomy holds after a full collection. Run: {@code java
 * -cp "$(cat bench/target/classpath.txt):bench/target/classes" org.skillway.bench.TaxonomyProbe 7}
 * to start 7 JVMs one after another and print each one's figures.
 */
public final class TaxonomyProbe {
  private TaxonomyProbe() {}

  public static void main(String[] args) throws IOException, InterruptedException {
    if (args.length > 0 && args[0].equals("--once")) {
      once();
      return;
    }
    int runs = args.length > 0 ? Integer.parseInt(args[0]) : 5;
    String java =
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java";
    List<Long> loads = new ArrayList<>();
    for (int run = 1; run <= runs; run++) {
      Process child =
          new ProcessBuilder(
                  java,
                  "-cp",
                  System.getProperty("java.class.path"),
                  TaxonomyProbe.class.getName(),
                  "--once")
              .redirectErrorStream(true)
              .start();
      try (BufferedReader out =
          new BufferedReader(
              new InputStreamReader(child.getInputStream(), StandardCharsets.UTF_8))) {
        for (String line = out.readLine(); line != null; line = out.readLine()) {
          System.out.println("run " + run + ": " + line);
          if (line.startsWith("load ")) {
            loads.add(Long.parseLong(line.split(" ")[1]));
          }
        }
      }
      if (child.waitFor() != 0) {
        throw new IllegalStateException("run " + run + " failed");
      }
    }
    List<Long> sorted = loads.stream().sorted().toList();
    System.out.printf(
        "cold load over %d JVM starts: min %d ms, median %d ms, max %d ms%n",
        sorted.size(), sorted.get(0), sorted.get(sorted.size() / 2), sorted.get(sorted.size() - 1));
  }

  /** One cold load in this JVM, then the heap it holds. */
  private static void once() {
    long before = usedAfterGc();
    long start = System.nanoTime();
    Taxonomy taxonomy = Taxonomy.loadBundled();
    long loadMs = (System.nanoTime() - start) / 1_000_000;
    long after = usedAfterGc();
    System.out.printf(
        "load %d ms (JVM up %d ms); %d skills (%d retired), %d groups, %d occupations;"
            + " %d MB of heap held%n",
        loadMs,
        ManagementFactory.getRuntimeMXBean().getUptime(),
        taxonomy.skillCount(),
        taxonomy.retiredCount(),
        taxonomy.groupCount(),
        taxonomy.occupationCount(),
        (after - before) >> 20);
    // Keeps the taxonomy reachable until after the measurement above.
    java.lang.ref.Reference.reachabilityFence(taxonomy);
  }

  private static long usedAfterGc() {
    Runtime runtime = Runtime.getRuntime();
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
