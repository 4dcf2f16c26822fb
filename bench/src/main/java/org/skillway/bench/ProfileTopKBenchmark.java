package org.skillway.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
import org.apache.lucene.search.ScoreDoc;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.BenchmarkMode;
import org.openjdk.jmh.annotations.Fork;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Measurement;
import org.openjdk.jmh.annotations.Mode;
import org.openjdk.jmh.annotations.OutputTimeUnit;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Scope;
import org.openjdk.jmh.annotations.Setup;
import org.openjdk.jmh.annotations.State;
import org.openjdk.jmh.annotations.TearDown;
import org.openjdk.jmh.annotations.Warmup;
import org.skillway.events.MatchData;

/**
 * A profile against every open vacancy, top 10, three ways on the same data: the index, brute force
 * with the same score function, and Lucene. Sampled, so JMH reports the mean and the percentiles.
 */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xms6g", "-Xmx6g"})
public class ProfileTopKBenchmark {
  static final int K = 10;
  static final int QUERY_PROFILES = 1_000;

  @Param({"100000"})
  int vacancies;

  Corpus corpus;
  LuceneBaseline lucene;
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    corpus = new Corpus(42, 2_000, vacancies, QUERY_PROFILES);
    lucene = new LuceneBaseline(corpus);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    lucene.close();
  }

  private int nextProfile() {
    next = (next + 1) % QUERY_PROFILES;
    return next;
  }

  @Benchmark
  public List<MatchData> index() {
    return corpus.index.topVacancies(corpus.profileIds.get(nextProfile()), K, DataGenerator.TODAY);
  }

  @Benchmark
  public List<String> bruteForce() {
    int i = nextProfile();
    return BruteForce.topVacancies(corpus, corpus.profiles.get(i), corpus.profileIds.get(i), K);
  }

  @Benchmark
  public ScoreDoc[] lucene() {
    return lucene.top(corpus.profiles.get(nextProfile()), K);
  }
}
