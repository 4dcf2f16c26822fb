package org.skillway.matching.match;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import org.skillway.events.MatchData;
import org.skillway.events.ProfileData;
import org.skillway.events.SkillLevel;
import org.skillway.events.VacancyData;
import org.skillway.events.WorkMode;
import org.skillway.taxonomy.geo.Coordinates;

/**
 * The in-memory matching index: every open vacancy, and the profiles this instance owns, each in
 * posting lists by skill and by cell of a {@link GeoGrid}.
 *
 * <p>A query first walks the posting lists of the skills involved, found through a per-skill
 * directory of the cells each skill has postings in, in the cells within reach only (on-site and
 * hybrid roles beyond reach can never match), and accumulates per candidate, in a dense array by
 * ordinal, the most skill credit it could earn (proximity only, ignoring levels; for a vacancy's
 * query, once per need by the best way a profile reaches it). One pass then turns that credit into
 * a static bound, {@code 100 × skills × stage} (the skills gate the score, so the other parts can
 * never lift it above that), as {@code min(ceiling, credit × slope)} with the two numbers kept per
 * candidate and pathway, clears the accumulator and keeps the candidates whose bound reaches the
 * minimum score.
 *
 * <p>Selection has a true floor: the candidates with the best bounds (at least {@link #SAMPLE}) are
 * ranked first, and the K-th score among them is a lower bound of the final K-th; a second pass
 * collects the other candidates whose bound reaches it. For a profile's query each collected
 * vacancy then gets an estimate from packed per-vacancy data ({@link PackedVacancies}): the score
 * by {@link Scorer}'s rules and arithmetic, but with the stage before any over-qualification, so
 * never below the score. Candidates are taken in decreasing order of estimate (or of bound, for a
 * vacancy's query) and scored by {@link Scorer}, in a bounded heap of the best K, until the next
 * one cannot reach the worst of the heap. The result is exactly what scoring every candidate would
 * give; ties go to the lower id, so it is deterministic.
 *
 * <p>Skill ids are interned to small integers, profiles are stored without their reach (it is
 * rebuilt per query from cached {@link Neighbourhoods}), and updates and removals are incremental.
 * Thread-safe through one lock, for simplicity: queries run one at a time.
 *
 * <p>This class is the facade; the work is done by the posting store ({@link Postings}, one per
 * side), the two queries ({@link VacancyQuery} for a profile, {@link CandidateQuery} for a vacancy)
 * and the {@link Explainer}, none of them thread-safe, all called only under this lock.
 */
public final class MatchIndex {
  /** How many of the best bounds a query ranks first, for a floor under the K-th score. */
  static final int SAMPLE = 48;

  private final Scorer scorer;
  private final Neighbourhoods neighbourhoods;
  private final Distances distances;
  private final Map<String, Integer> skillCodes = new HashMap<>();
  private final List<String> skillNames = new ArrayList<>();
  private final Postings<VacancyData> vacancies = new Postings<>();
  private final Postings<ProfileData> profiles = new Postings<>();

  /** Each vacancy ordinal's facts for ranking, in flat arrays. */
  private final PackedVacancies packed = new PackedVacancies();

  private final Map<Coordinates, Integer> placeIndexes = new HashMap<>();
  private final List<Coordinates> placeList = new ArrayList<>();

  private final Explainer explainer;
  private final VacancyQuery vacancyQuery;
  private final CandidateQuery candidateQuery;

  /** The furthest any indexed profile will travel: how far a vacancy's query looks. */
  private double furthestCommuteKm;

  private QueryObserver observer = QueryObserver.NONE;

  /**
   * Told, after each query, how many candidates it touched (shared a skill with the query and got a
   * bound) and how many of those it scored in full before the bound ruled the rest out.
   */
  public interface QueryObserver {
    QueryObserver NONE = (direction, touched, scored) -> {};

    void queried(Direction direction, int touched, int scored);
  }

  /** Which way a query looks: for a profile's best vacancies, or a vacancy's best candidates. */
  public enum Direction {
    PROFILE,
    VACANCY
  }

  public MatchIndex(Scorer scorer, SkillGraph graph) {
    this.scorer = scorer;
    this.neighbourhoods = new Neighbourhoods(graph);
    this.distances = scorer.distances();
    this.explainer = new Explainer(scorer, graph, neighbourhoods, vacancies, profiles);
    this.vacancyQuery =
        new VacancyQuery(
            scorer,
            neighbourhoods,
            skillCodes,
            skillNames,
            vacancies,
            profiles,
            packed,
            placeList,
            explainer);
    this.candidateQuery =
        new CandidateQuery(
            scorer, neighbourhoods, skillCodes, skillNames, vacancies, profiles, explainer);
  }

  /** Replaces the observer told about each query (metrics); the default ignores them. */
  public synchronized void observeQueries(QueryObserver observer) {
    this.observer = Objects.requireNonNull(observer, "observer");
  }

  /** Adds or replaces a vacancy; one that is no longer open on {@code today} is removed instead. */
  public synchronized void putVacancy(String id, VacancyData vacancy, LocalDate today) {
    removeVacancy(id);
    if (!vacancy.isOpenOn(today)) {
      return;
    }
    // A role offered in several places is filed under none: distance is worked out for each pair.
    Coordinates place =
        !vacancy.distanceMatters() || !vacancy.additionalOutcodes().isEmpty()
            ? null
            : distances.locate(vacancy.outcode()).orElse(null);
    int layer = vacancy.workMode() == WorkMode.HYBRID ? Postings.HYBRID : Postings.ON_SITE;
    int ordinal =
        vacancies.add(
            id, vacancy, codes(vacancy.requiredSkills()), place, Postings.cellKey(place, layer));
    int[] nice = codes(vacancy.niceToHaveSkills());
    vacancyQuery.vacancyAdded(ordinal, nice);
    packed.set(
        ordinal,
        vacancy,
        scorer,
        place == null ? PackedVacancies.NONE : placeIndex(place),
        vacancies.skills[ordinal],
        nice);
    explainer.vacancyAdded(id, vacancy);
  }

  public synchronized void removeVacancy(String id) {
    Integer ordinal = vacancies.ordinals.get(id);
    if (ordinal == null) {
      return;
    }
    VacancyData old = vacancies.remove(id);
    // Its ordinal has no postings left, so no query reaches it; what was kept for ranking it goes
    // now rather than when the ordinal is reused.
    packed.clear(ordinal);
    vacancyQuery.vacancyRemoved(ordinal);
    explainer.vacancyRemoved(id, old);
  }

  /**
   * Adds or replaces a profile. Only the profile is kept, with its skill ids shared with the rest
   * of the index: its reach is worked out again whenever it is queried or scored.
   */
  public synchronized void putProfile(String id, ProfileData profile) {
    removeProfile(id);
    List<SkillLevel> skills = new ArrayList<>(profile.skills().size());
    for (SkillLevel skill : profile.skills()) {
      skills.add(
          new SkillLevel(
              skillNames.get(code(skill.skillId())),
              skill.level(),
              null,
              skill.evidencedBy() == null ? null : skill.evidencedBy().intern()));
    }
    ProfileData compact =
        new ProfileData(
            profile.pathway(),
            skills,
            profile.outcode().intern(),
            profile.consentToMatch(),
            profile.yearsExperience(),
            profile.workMode(),
            profile.maxCommuteKm(),
            profile.salaryExpectation(),
            profile.availableFrom(),
            profile.needsDevice(),
            profile.occupation() == null ? null : profile.occupation().intern());
    furthestCommuteKm = Math.max(furthestCommuteKm, commuteKm(compact));
    Coordinates home = distances.locate(compact.outcode()).orElse(null);
    int ordinal =
        profiles.add(
            id, compact, codes(compact.skills()), home, Postings.cellKey(home, Postings.ON_SITE));
    candidateQuery.profileAdded(ordinal, compact);
  }

  public synchronized void removeProfile(String id) {
    profiles.remove(id);
  }

  public synchronized boolean hasProfile(String id) {
    return profiles.ordinals.containsKey(id);
  }

  /** Whether a vacancy is indexed here and still open on {@code today}. */
  public synchronized boolean hasOpenVacancy(String id, LocalDate today) {
    VacancyData vacancy = vacancies.get(id);
    return vacancy != null && vacancy.isOpenOn(today);
  }

  /** Whether a profile is indexed here and its owner agrees to be matched. */
  public synchronized boolean consentsToMatch(String id) {
    ProfileData profile = profiles.get(id);
    return profile != null && profile.consentToMatch();
  }

  public synchronized int vacancyCount() {
    return vacancies.ordinals.size();
  }

  public synchronized int profileCount() {
    return profiles.ordinals.size();
  }

  /** The best {@code k} matches for a profile this instance owns, best first. */
  public synchronized List<MatchData> topVacancies(String profileId, int k, LocalDate today) {
    Integer ordinal = profiles.ordinals.get(profileId);
    if (ordinal == null || k <= 0 || !profiles.value(ordinal).consentToMatch()) {
      return List.of();
    }
    return vacancyQuery.top(profileId, ordinal, k, today, observer);
  }

  /** The best {@code k} matches for a vacancy among the profiles this instance owns, best first. */
  public synchronized List<MatchData> topCandidates(String vacancyId, int k, LocalDate today) {
    Integer ordinal = vacancies.ordinals.get(vacancyId);
    if (ordinal == null || k <= 0) {
      return List.of();
    }
    return candidateQuery.top(vacancyId, ordinal, k, today, furthestCommuteKm, observer);
  }

  /** Scores one pair, if both sides are indexed here; empty when they do not match. */
  public synchronized Optional<MatchData> match(
      String profileId, String vacancyId, LocalDate today) {
    ProfileData profile = profiles.get(profileId);
    VacancyData vacancy = vacancies.get(vacancyId);
    if (profile == null || vacancy == null) {
      return Optional.empty();
    }
    SkillReach reach = SkillReach.of(profile.skills(), neighbourhoods);
    OptionalInt score = scorer.score(profile, reach, vacancy, today);
    if (score.isEmpty() || score.getAsInt() < scorer.policy().minimumScore()) {
      return Optional.empty();
    }
    return Optional.of(
        explainer.toMatch(
            new Ranked(
                MatchData.matchId(profileId, vacancyId), score.getAsInt(), profileId, vacancyId),
            today,
            reach));
  }

  /** The index of a place vacancies are filed under, numbered in order of first use. */
  private int placeIndex(Coordinates place) {
    Integer index = placeIndexes.get(place);
    if (index == null) {
      index = placeList.size();
      placeIndexes.put(place, index);
      placeList.add(place);
    }
    return index;
  }

  private int code(String skillId) {
    Integer code = skillCodes.get(skillId);
    if (code == null) {
      code = skillNames.size();
      String canonical = skillId.intern();
      skillCodes.put(canonical, code);
      skillNames.add(canonical);
    }
    return code;
  }

  private int[] codes(List<SkillLevel> skills) {
    int[] codes = new int[skills.size()];
    for (int i = 0; i < codes.length; i++) {
      codes[i] = code(skills.get(i).skillId());
    }
    return codes;
  }

  private double commuteKm(ProfileData profile) {
    return profile.maxCommuteKm() == null
        ? scorer.policy().defaultCommuteKm()
        : profile.maxCommuteKm();
  }
}
