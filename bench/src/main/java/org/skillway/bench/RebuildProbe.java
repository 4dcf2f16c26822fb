package org.skillway.bench;

import com.mongodb.reactivestreams.client.MongoClient;
import com.mongodb.reactivestreams.client.MongoClients;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.skillway.infra.FreePorts;
import org.skillway.infra.MongoWireServer;
import org.skillway.matching.match.MatchIndex;
import org.skillway.matching.profile.ProfileStore;
import org.skillway.matching.profile.StoredProfile;
import org.skillway.matching.vacancy.StoredVacancy;
import org.skillway.matching.vacancy.VacancyStore;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;

/**
 * How long a restarted matching instance takes to rebuild its index from MongoDB: every open
 * vacancy, then the profiles of its partitions, read through the service's own stores over a real
 * socket from the MongoDB wire-protocol server (H2 file backend, as in local mode), into a fresh
 * index. Run: {@code java -Xmx8g -cp "$(cat bench/target/classpath.txt):bench/target/classes"
 * org.skillway.bench.RebuildProbe 100000 20000}.
 */
public final class RebuildProbe {
  private static final int PARTITIONS = 6;

  private RebuildProbe() {}

  public static void main(String[] args) throws Exception {
    int profiles = args.length > 0 ? Integer.parseInt(args[0]) : 100_000;
    int vacancies = args.length > 1 ? Integer.parseInt(args[1]) : 20_000;
    Path dir = Files.createTempDirectory("skillway-rebuild");
    Corpus corpus = new Corpus(21, 2_000, vacancies, profiles);
    try (MongoWireServer server =
            MongoWireServer.persistent(dir.resolve("mongo.mv"), "127.0.0.1", FreePorts.find());
        MongoClient client = MongoClients.create(server.connectionString())) {
      ReactiveMongoTemplate mongo = new ReactiveMongoTemplate(client, "skillway-matching");
      long start = System.nanoTime();
      List<StoredVacancy> storedVacancies = new ArrayList<>();
      for (int i = 0; i < vacancies; i++) {
        storedVacancies.add(
            new StoredVacancy(corpus.vacancyIds.get(i), 1, corpus.vacancies.get(i)));
      }
      mongo.insertAll(storedVacancies).blockLast();
      List<StoredProfile> storedProfiles = new ArrayList<>();
      for (int i = 0; i < profiles; i++) {
        storedProfiles.add(
            new StoredProfile(corpus.profileIds.get(i), 1, i % PARTITIONS, corpus.profiles.get(i)));
      }
      mongo.insertAll(storedProfiles).blockLast();
      System.out.printf(
          "stored %,d vacancies and %,d profiles in %d ms%n",
          vacancies, profiles, (System.nanoTime() - start) / 1_000_000);

      MatchIndex index = new MatchIndex(corpus.scorer, corpus.graph);
      Set<Integer> all = IntStream.range(0, PARTITIONS).boxed().collect(Collectors.toSet());
      start = System.nanoTime();
      new VacancyStore(mongo)
          .open(DataGenerator.TODAY)
          .doOnNext(v -> index.putVacancy(v.id(), v.vacancy(), DataGenerator.TODAY))
          .blockLast();
      long vacanciesMs = (System.nanoTime() - start) / 1_000_000;
      new ProfileStore(mongo)
          .inPartitions(all)
          .doOnNext(p -> index.putProfile(p.id(), p.profile()))
          .blockLast();
      long totalMs = (System.nanoTime() - start) / 1_000_000;
      System.out.printf(
          "rebuilt the index from MongoDB: %,d vacancies in %d ms, then %,d profiles; %d ms in all%n",
          index.vacancyCount(), vacanciesMs, index.profileCount(), totalMs);
    } finally {
      try (var files = Files.walk(dir)) {
        files.sorted(java.util.Comparator.reverseOrder()).forEach(p -> p.toFile().delete());
      }
    }
  }
}
