package org.skillway.bench;

import java.lang.management.ManagementFactory;
import org.skillway.matching.match.MatchIndex;
import org.skillway.matching.match.Scorer;
import org.skillway.matching.system.OutcodeDistances;
import org.skillway.matching.system.TaxonomySkillGraph;
import org.skillway.taxonomy.Taxonomy;
import org.skillway.taxonomy.geo.Outcodes;

/**
 * One-shot measurements that JMH does not suit: taxonomy load time (cold, in a fresh JVM), and heap
 * per indexed profile (the index only: generated profiles are not kept anywhere else). Run: {@code
 * java -Xmx8g -cp "$(cat bench/target/classpath.txt):bench/target/classes"
 * org.skillway.bench.Probes 100000}.
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
    Outcodes outcodes = Outcodes.loadBundled();
    DataGenerator generator = new DataGenerator(taxonomy, outcodes, 3, 2_000);
    MatchIndex index =
        new MatchIndex(
            new Scorer(DataGenerator.POLICY, new OutcodeDistances(outcodes)),
            new TaxonomySkillGraph(taxonomy));
    start = System.nanoTime();
    for (int i = 0; i < 20_000; i++) {
      index.putVacancy(String.format("v%07d", i), generator.vacancy(), DataGenerator.TODAY);
    }
    long vacanciesMs = (System.nanoTime() - start) / 1_000_000;
    // Warm the index's per-skill caches, so the measurement below is the profiles alone.
    index.putProfile("warm-up", generator.profile());
    long before = usedAfterGc();
    start = System.nanoTime();
    for (int i = 0; i < profiles; i++) {
      index.putProfile(String.format("p%07d", i), generator.profile());
    }
    long profilesMs = (System.nanoTime() - start) / 1_000_000;
    long after = usedAfterGc();
    System.out.printf(
        "index: 20,000 vacancies generated and indexed in %d ms; %,d profiles generated and indexed"
            + " in %d ms, %d MB of heap, %d bytes each%n",
        vacanciesMs,
        index.profileCount() - 1,
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
