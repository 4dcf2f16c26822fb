package org.skillway.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.PriorityQueue;
import org.skillway.events.ProfileData;
import org.skillway.matching.match.SkillReach;

/**
 * Scores a profile against every vacancy with the index's own score function and keeps the best K.
 */
public final class BruteForce {
  record Scored(String vacancyId, int score) {}

  private static final Comparator<Scored> BEST_FIRST =
      Comparator.comparingInt(Scored::score).reversed().thenComparing(s -> s.vacancyId());

  private BruteForce() {}

  public static List<String> topVacancies(
      Corpus corpus, ProfileData profile, String profileId, int k) {
    SkillReach reach = SkillReach.of(profile.skills(), corpus.neighbourhoods);
    PriorityQueue<Scored> heap = new PriorityQueue<>(k + 1, BEST_FIRST.reversed());
    int minimum = DataGenerator.POLICY.minimumScore();
    for (int i = 0; i < corpus.vacancies.size(); i++) {
      // The same bare score the index ranks with; like the index, it would explain only the
      // winners.
      var score = corpus.scorer.score(profile, reach, corpus.vacancies.get(i), DataGenerator.TODAY);
      if (score.isEmpty() || score.getAsInt() < minimum) {
        continue;
      }
      heap.add(new Scored(profileId + ":" + corpus.vacancyIds.get(i), score.getAsInt()));
      if (heap.size() > k) {
        heap.poll();
      }
    }
    List<Scored> best = new ArrayList<>(heap);
    best.sort(BEST_FIRST);
    return best.stream().map(s -> s.vacancyId().substring(s.vacancyId().indexOf(':') + 1)).toList();
  }

  /** Scores a vacancy against every profile, the same way, and keeps the best K profile ids. */
  public static List<String> topCandidates(Corpus corpus, int vacancyIndex, int k) {
    PriorityQueue<Scored> heap = new PriorityQueue<>(k + 1, BEST_FIRST.reversed());
    int minimum = DataGenerator.POLICY.minimumScore();
    String vacancyId = corpus.vacancyIds.get(vacancyIndex);
    for (int i = 0; i < corpus.profiles.size(); i++) {
      ProfileData profile = corpus.profiles.get(i);
      SkillReach reach = SkillReach.of(profile.skills(), corpus.neighbourhoods);
      var score =
          corpus.scorer.score(
              profile, reach, corpus.vacancies.get(vacancyIndex), DataGenerator.TODAY);
      if (score.isEmpty() || score.getAsInt() < minimum) {
        continue;
      }
      heap.add(new Scored(corpus.profileIds.get(i) + ":" + vacancyId, score.getAsInt()));
      if (heap.size() > k) {
        heap.poll();
      }
    }
    List<Scored> best = new ArrayList<>(heap);
    best.sort(BEST_FIRST);
    return best.stream().map(s -> s.vacancyId().substring(0, s.vacancyId().indexOf(':'))).toList();
  }
}
