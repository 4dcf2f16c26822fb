package org.skillway.bench;

import java.util.List;
import java.util.concurrent.TimeUnit;
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
  int next;

  @Setup(Level.Trial)
  public void setUp() {
    corpus = new Corpus(7, 2_000, 1_000, profiles);
  }

  @Benchmark
  public List<MatchData> index() {
    next = (next + 1) % corpus.vacancyIds.size();
    return corpus.index.topCandidates(corpus.vacancyIds.get(next), 10, DataGenerator.TODAY);
  }
}
