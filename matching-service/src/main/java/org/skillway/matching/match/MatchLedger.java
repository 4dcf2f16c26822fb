package org.skillway.matching.match;

import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.skillway.events.MatchData;

/**
 * What matching needs on its hot path about the matches of the profiles this instance owns, held in
 * memory so that no event has to query the store for them: each match's version, status, whether
 * its last event is published, and enough of its last state to tell a material change (score and
 * skills) and to word a withdrawal (employer and title). MongoDB stays the truth: every write is
 * still a compare-and-set on the stored version, so a stale entry here makes a write fail and be
 * redone from the store, never a wrong write. Filled from the store when partitions are assigned;
 * thread-safe through one lock (every operation is a few map look-ups).
 */
public final class MatchLedger {
  /**
   * One match as last written.
   *
   * @param skills a 64-bit digest of the matched and the missing skills (as two sets), so a change
   *     of either is seen without keeping the lists
   */
  public record Entry(
      String profileId,
      String vacancyId,
      String employerId,
      String vacancyTitle,
      long version,
      MatchStatus status,
      boolean published,
      int score,
      long skills) {

    String matchId() {
      return MatchData.matchId(profileId, vacancyId);
    }

    Entry published(boolean now) {
      return new Entry(
          profileId, vacancyId, employerId, vacancyTitle, version, status, now, score, skills);
    }
  }

  private final Map<String, Map<String, Entry>> byProfile = new HashMap<>();
  private final Map<String, Set<String>> activeByVacancy = new HashMap<>();

  /** The entry of one match, or null when this instance knows of none. */
  public synchronized Entry get(String profileId, String vacancyId) {
    Map<String, Entry> ofProfile = byProfile.get(profileId);
    return ofProfile == null ? null : ofProfile.get(vacancyId);
  }

  /** The standing matches of a profile. */
  public synchronized List<Entry> activeOfProfile(String profileId) {
    Map<String, Entry> ofProfile = byProfile.get(profileId);
    if (ofProfile == null) {
      return List.of();
    }
    List<Entry> active = new ArrayList<>();
    for (Entry entry : ofProfile.values()) {
      if (entry.status() == MatchStatus.ACTIVE) {
        active.add(entry);
      }
    }
    return active;
  }

  /** The standing matches of a vacancy with the profiles this instance owns. */
  public synchronized List<Entry> activeOfVacancy(String vacancyId) {
    Set<String> profiles = activeByVacancy.get(vacancyId);
    if (profiles == null) {
      return List.of();
    }
    List<Entry> active = new ArrayList<>(profiles.size());
    for (String profileId : profiles) {
      active.add(byProfile.get(profileId).get(vacancyId));
    }
    return active;
  }

  /** Records a match as now stored (a newer version than the entry's, or the first). */
  public synchronized void put(Entry entry) {
    Map<String, Entry> ofProfile =
        byProfile.computeIfAbsent(entry.profileId(), p -> new HashMap<>(4));
    Entry before = ofProfile.get(entry.vacancyId());
    if (before != null && before.version() > entry.version()) {
      return; // a newer write was recorded first
    }
    ofProfile.put(entry.vacancyId(), entry);
    if (entry.status() == MatchStatus.ACTIVE) {
      activeByVacancy
          .computeIfAbsent(entry.vacancyId(), v -> new HashSet<>(4))
          .add(entry.profileId());
    } else {
      unindex(entry.vacancyId(), entry.profileId());
    }
  }

  public synchronized void putAll(Collection<Entry> entries) {
    entries.forEach(this::put);
  }

  /** Forgets a profile's matches: it has been handed to another instance, or erased. */
  public synchronized void forgetProfile(String profileId) {
    Map<String, Entry> ofProfile = byProfile.remove(profileId);
    if (ofProfile != null) {
      ofProfile.keySet().forEach(vacancyId -> unindex(vacancyId, profileId));
    }
  }

  /** Forgets one match (after the store lost it: the next write starts from the store). */
  public synchronized void forget(String profileId, String vacancyId) {
    Map<String, Entry> ofProfile = byProfile.get(profileId);
    if (ofProfile != null && ofProfile.remove(vacancyId) != null) {
      unindex(vacancyId, profileId);
    }
  }

  public synchronized int size() {
    return byProfile.values().stream().mapToInt(Map::size).sum();
  }

  private void unindex(String vacancyId, String profileId) {
    Set<String> profiles = activeByVacancy.get(vacancyId);
    if (profiles != null && profiles.remove(profileId) && profiles.isEmpty()) {
      activeByVacancy.remove(vacancyId);
    }
  }

  /** The digest of a match's matched and missing skills, each taken as a set. */
  public static long skillsDigest(List<String> matched, List<String> missing) {
    return 31 * setDigest(matched) + setDigest(missing) * 0x9E3779B97F4A7C15L;
  }

  /** Order-free: a sum of well-mixed 64-bit hashes of each distinct skill id. */
  private static long setDigest(List<String> skills) {
    long sum = 0;
    for (String skill : new HashSet<>(skills)) {
      sum += mix(skill);
    }
    return sum;
  }

  /** FNV-1a over the characters, then a finaliser (SplitMix64), so near ids differ widely. */
  private static long mix(String s) {
    long h = 0xcbf29ce484222325L;
    for (int i = 0; i < s.length(); i++) {
      h ^= s.charAt(i);
      h *= 0x100000001b3L;
    }
    h ^= h >>> 30;
    h *= 0xbf58476d1ce4e5b9L;
    h ^= h >>> 27;
    h *= 0x94d049bb133111ebL;
    return h ^ (h >>> 31);
  }
}
