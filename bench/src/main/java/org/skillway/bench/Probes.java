package org.skillway.bench;

import java.lang.management.ManagementFactory;
import org.skillway.taxonomy.Taxonomy;

/**
 * One-shot measurements that JMH does not suit: taxonomy load time (cold, in a fresh JVM), and heap
 * per indexed profile. Run: {@code java -cp "$(cat
 * bench/target/classpath.txt):bench/target/classes" org.skillway.bench.Probes}.
 */
public final class Probes {
  private Probes() {}

  public static void main(String[] args) {
    long start = System.nanoTime();
    Taxonomy taxonomy = Taxonomy.loadBundled();
    long loadMs = (System.nanoTime() - start) / 1_000_000;
    System.out.printf(
        "taxonomy: %d skills, %d groups, %d occupations, loaded cold in %d ms (JVM up %d ms)%n",
        taxonomy.skillCount(),
        taxonomy.groupCount(),
        taxonomy.occupationCount(),
        loadMs,
        ManagementFactory.getRuntimeMXBean().getUptime());

    int profiles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    start = System.nanoTime();
    Corpus corpus = new Corpus(3, 2_000, 20_000, 0);
    long vacanciesMs = (System.nanoTime() - start) / 1_000_000;
    long before = usedAfterGc();
    start = System.nanoTime();
    corpus.addProfiles(profiles);
    long profilesMs = (System.nanoTime() - start) / 1_000_000;
    long after = usedAfterGc();
    // The generated ProfileData records are held by the corpus too; they are what a rebuild reads
    // from MongoDB.
    System.out.printf(
        "index: 20,000 vacancies generated and indexed in %d ms; %d profiles generated and indexed in %d ms,"
            + " %d MB of heap, %d bytes each%n",
        vacanciesMs,
        corpus.index.profileCount(),
        profilesMs,
        (after - before) >> 20,
        (after - before) / Math.max(1, profiles));
  }

  private static long usedAfterGc() {
    for (int i = 0; i < 3; i++) {
      System.gc();
    }
    Runtime runtime = Runtime.getRuntime();
    return runtime.totalMemory() - runtime.freeMemory();
  }
}
