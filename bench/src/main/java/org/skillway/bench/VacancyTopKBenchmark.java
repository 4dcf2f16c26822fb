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

/** A new vacancy against the indexed profiles, top 10. */
@State(Scope.Benchmark)
@BenchmarkMode(Mode.SampleTime)
@OutputTimeUnit(TimeUnit.MICROSECONDS)
@Warmup(iterations = 2, time = 5)
@Measurement(iterations = 3, time = 5)
@Fork(
    value = 1,
    jvmArgs = {"-Xms12g", "-Xmx12g"})
public class VacancyTopKBenchmark {
  @Param({"100000"})
  int profiles;

  Corpus corpus;
  LuceneBaseline lucene;
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    corpus = new Corpus(7, 2_000, 1_000, profiles);
    lucene = LuceneBaseline.ofProfiles(corpus);
  }

  @TearDown(Level.Trial)
  public void tearDown() throws Exception {
    lucene.close();
  }

  private int nextVacancy() {
    next = (next + 1) % corpus.vacancyIds.size();
    return next;
  }

  @Benchmark
  public List<MatchData> index() {
    return corpus.index.topCandidates(
        corpus.vacancyIds.get(nextVacancy()), 10, DataGenerator.TODAY);
  }

  @Benchmark
  public List<String> bruteForce() {
    return BruteForce.topCandidates(corpus, nextVacancy(), 10);
  }

  @Benchmark
  public ScoreDoc[] lucene() {
    return lucene.top(corpus.vacancies.get(nextVacancy()).requiredSkills(), 10);
  }
}
