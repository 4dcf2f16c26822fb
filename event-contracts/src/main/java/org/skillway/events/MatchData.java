package org.skillway.events;

import java.util.List;

/**
 * A scored pairing of a profile and a vacancy with the reasons a person can check: which required
 * skills the profile meets and which it is missing.
 *
 * @param score 0 to 100
 */
public record MatchData(
    String profileId,
    String vacancyId,
    String employerId,
    String vacancyTitle,
    int score,
    List<String> matchedSkills,
    List<String> missingSkills) {
  public MatchData {
    Contracts.requireText(profileId, "profileId", 64);
    Contracts.requireText(vacancyId, "vacancyId", 64);
    Contracts.requireText(employerId, "employerId", 64);
    Contracts.requireText(vacancyTitle, "vacancyTitle", 200);
    Contracts.requireRange(score, "score", 0, 100);
    matchedSkills = Contracts.requireList(matchedSkills, "matchedSkills");
    missingSkills = Contracts.requireList(missingSkills, "missingSkills");
  }

  /**
   * The id of a match is derived from its two sides, so re-scoring the same pair updates one match.
   */
  public static String matchId(String profileId, String vacancyId) {
    return profileId + ":" + vacancyId;
  }

  public String matchId() {
    return matchId(profileId, vacancyId);
  }
}
