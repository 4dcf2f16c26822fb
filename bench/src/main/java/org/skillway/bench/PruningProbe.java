package org.skillway.bench;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.OptionalDouble;
import java.util.Set;
import org.skillway.events.MatchData;
import org.skillway.events.ProfileData;
import org.skillway.events.SkillLevel;
import org.skillway.events.VacancyData;
import org.skillway.events.WorkMode;
import org.skillway.matching.match.Reach;
import org.skillway.matching.match.Scorer;
import org.skillway.matching.match.SkillReach;

/**
 * How much work any exact top-10 search for a profile must do with this score function, measured on
 * the benchmark's data. For each query profile it counts the vacancies within reach that share a
 * skill (what term-at-a-time accumulation touches), those whose upper bound reaches the true 10th
 * score (what any bound-driven search must score in full), and what MaxScore would still walk if it
 * knew the 10th score in advance: the posting lists of the skills that are not "non-essential" (the
 * most common ones whose credit together cannot lift a vacancy of that skill count to the 10th
 * score), and the vacancies within reach in them. Run: {@code java -Xmx6g -cp "$(cat
 * bench/target/classpath.txt):bench/target/classes" org.skillway.bench.PruningProbe 200}.
 */
public final class PruningProbe {
  private static final int K = 10;
  private static final int MAX_BUCKET = 12;

  private PruningProbe() {}

  public static void main(String[] args) {
    int queries = args.length > 0 ? Integer.parseInt(args[0]) : 200;
    Corpus corpus = new Corpus(42, 2_000, 100_000, queries);
    Map<String, int[]> postings = new HashMap<>();
    for (VacancyData vacancy : corpus.vacancies) {
      int bucket = bucket(vacancy);
      for (SkillLevel skill : vacancy.requiredSkills()) {
        postings.computeIfAbsent(skill.skillId(), k -> new int[MAX_BUCKET + 1])[bucket]++;
      }
    }
    long terms = 0;
    long allPostings = 0;
    long essentialPostings = 0;
    long touched = 0;
    long reachingTenth = 0;
    long essentialCandidates = 0;
    for (int i = 0; i < queries; i++) {
      ProfileData profile = corpus.profiles.get(i);
      List<MatchData> top =
          corpus.index.topVacancies(corpus.profileIds.get(i), K, DataGenerator.TODAY);
      int tenth = top.size() == K ? top.get(K - 1).score() : DataGenerator.POLICY.minimumScore();
      SkillReach reach = SkillReach.of(profile.skills(), corpus.neighbourhoods);

      List<Map.Entry<String, Reach>> byPopularity = new ArrayList<>();
      for (Map.Entry<String, Reach> entry : reach.entries().entrySet()) {
        if (postings.containsKey(entry.getKey())) {
          byPopularity.add(entry);
          allPostings += total(postings.get(entry.getKey()));
        }
      }
      byPopularity.sort(
          Comparator.comparingInt(
              (Map.Entry<String, Reach> e) -> -total(postings.get(e.getKey()))));
      terms += byPopularity.size();
      List<Set<String>> essential = new ArrayList<>();
      for (int bucket = 0; bucket <= MAX_BUCKET; bucket++) {
        Set<String> skills = new HashSet<>();
        double nonEssentialCredit = 0;
        for (Map.Entry<String, Reach> entry : byPopularity) {
          double credit = entry.getValue().proximity().credit();
          boolean stillNonEssential =
              skills.isEmpty()
                  && bucket > 0
                  // The best stage there is: an upper bound for any vacancy of this bucket.
                  && Scorer.upperBound((nonEssentialCredit + credit) / bucket, 1000) < tenth;
          if (stillNonEssential) {
            nonEssentialCredit += credit;
          } else {
            skills.add(entry.getKey());
            essentialPostings += postings.get(entry.getKey())[bucket];
          }
        }
        essential.add(skills);
      }

      double commuteKm =
          profile.maxCommuteKm() == null
              ? DataGenerator.POLICY.defaultCommuteKm()
              : profile.maxCommuteKm();
      for (VacancyData vacancy : corpus.vacancies) {
        double credit = 0;
        boolean shares = false;
        boolean viaEssential = false;
        for (SkillLevel skill : vacancy.requiredSkills()) {
          Reach r = reach.get(skill.skillId());
          if (r != null) {
            credit += r.proximity().credit();
            shares = true;
            viaEssential |= essential.get(bucket(vacancy)).contains(skill.skillId());
          }
        }
        if (!shares || !withinReach(corpus, profile, vacancy, commuteKm)) {
          continue;
        }
        touched++;
        int bound =
            Scorer.upperBound(
                credit / vacancy.requiredSkills().size(),
                corpus.scorer.stageMillis(profile.pathway(), vacancy));
        reachingTenth += bound >= tenth ? 1 : 0;
        essentialCandidates += viaEssential ? 1 : 0;
      }
    }
    System.out.printf(
        "per profile, mean of %d: %.1f skills in reach; %.0f postings of those skills;"
            + " %.0f vacancies within reach sharing a skill; %.0f of them with a bound reaching the"
            + " 10th score; MaxScore knowing the 10th score: %.0f postings, %.0f candidates%n",
        queries,
        terms / (double) queries,
        allPostings / (double) queries,
        touched / (double) queries,
        reachingTenth / (double) queries,
        essentialPostings / (double) queries,
        essentialCandidates / (double) queries);
  }

  private static int bucket(VacancyData vacancy) {
    return Math.min(MAX_BUCKET, vacancy.requiredSkills().size());
  }

  private static int total(int[] counts) {
    int sum = 0;
    for (int count : counts) {
      sum += count;
    }
    return sum;
  }

  private static boolean withinReach(
      Corpus corpus, ProfileData profile, VacancyData vacancy, double commuteKm) {
    if (vacancy.workMode() == WorkMode.REMOTE) {
      return true;
    }
    OptionalDouble km = corpus.scorer.distances().kilometres(profile.outcode(), vacancy.outcode());
    double reach = vacancy.workMode() == WorkMode.HYBRID ? commuteKm * 1.5 : commuteKm;
    return km.isEmpty() || km.getAsDouble() <= reach;
  }
}
