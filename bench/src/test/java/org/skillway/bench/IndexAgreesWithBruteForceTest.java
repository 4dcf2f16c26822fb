package org.skillway.bench;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillway.events.MatchData;

/**
 * The benchmark compares like with like only if the index returns exactly what brute force does.
 */
class IndexAgreesWithBruteForceTest {
  @Test
  void theIndexReturnsTheSameTopTenAsScoringEveryVacancy() {
    Corpus corpus = new Corpus(11, 300, 5_000, 60);

    for (int i = 0; i < corpus.profileIds.size(); i++) {
      String profileId = corpus.profileIds.get(i);
      List<String> expected =
          BruteForce.topVacancies(corpus, corpus.profiles.get(i), profileId, 10);
      List<String> actual =
          corpus.index.topVacancies(profileId, 10, DataGenerator.TODAY).stream()
              .map(MatchData::vacancyId)
              .toList();
      assertThat(actual).as(profileId).isEqualTo(expected);
    }
  }

  @Test
  void aVacancyGetsTheSameTopTenCandidatesAsScoringEveryProfile() {
    Corpus corpus = new Corpus(17, 300, 40, 3_000);

    for (int v = 0; v < corpus.vacancyIds.size(); v++) {
      String vacancyId = corpus.vacancyIds.get(v);
      List<String> expected = BruteForce.topCandidates(corpus, v, 10);
      List<String> actual =
          corpus.index.topCandidates(vacancyId, 10, DataGenerator.TODAY).stream()
              .map(MatchData::profileId)
              .toList();
      assertThat(actual).as(vacancyId).isEqualTo(expected);
    }
  }

  @Test
  void theGeneratedDataIsReproducibleFromItsSeed() {
    Corpus first = new Corpus(5, 300, 200, 20);
    Corpus second = new Corpus(5, 300, 200, 20);

    assertThat(first.vacancies).isEqualTo(second.vacancies);
    assertThat(first.profiles).isEqualTo(second.profiles);
  }

  @Test
  void luceneRanksTheSameVacanciesByTermOverlapOnly() throws Exception {
    Corpus corpus = new Corpus(13, 300, 2_000, 5);
    try (LuceneBaseline lucene = new LuceneBaseline(corpus)) {
      assertThat(lucene.top(corpus.profiles.get(0), 10)).hasSizeLessThanOrEqualTo(10).isNotEmpty();
    }
  }
}
