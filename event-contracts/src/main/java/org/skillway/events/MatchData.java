package org.skillway.events;

import java.util.List;

/**
 * A scored pairing of a profile and a vacancy with the reasons a person can check. Name-blind: it
 * identifies the person only by profile id.
 *
 * @param score 0 to 100, the sum of the parts' points
 * @param matchedSkills required skills met at the level asked for
 * @param missingSkills required skills not met (a transferable skill may still earn partial credit)
 * @param parts the named parts of the score
 * @param transferableSkills required skills reached through a narrower, broader or related skill
 * @param pathways suggestions for closing the gaps
 * @param taxonomyVersion the skills taxonomy the match was scored with, so a taxonomy update can be
 *     re-scored
 * @param evidencedSkills those of the person's skills behind this match that their university
 *     vouches for; the others are self-declared
 * @param employerName the employer's display name, from the vacancy; {@code null} if it had none
 *     (or the event is older than the field): say "an employer" then, never the id
 */
public record MatchData(
    String profileId,
    String vacancyId,
    String employerId,
    String vacancyTitle,
    int score,
    List<String> matchedSkills,
    List<String> missingSkills,
    List<ScorePart> parts,
    List<TransferableSkill> transferableSkills,
    List<PathwayStep> pathways,
    String taxonomyVersion,
    List<String> evidencedSkills,
    String employerName) {
  public MatchData {
    Contracts.requireText(profileId, "profileId", 64);
    Contracts.requireText(vacancyId, "vacancyId", 64);
    Contracts.requireText(employerId, "employerId", 64);
    Contracts.requireText(vacancyTitle, "vacancyTitle", 200);
    Contracts.requireRange(score, "score", 0, 100);
    matchedSkills = Contracts.requireList(matchedSkills, "matchedSkills");
    missingSkills = Contracts.requireList(missingSkills, "missingSkills");
    parts = parts == null ? List.of() : Contracts.requireList(parts, "parts");
    transferableSkills =
        transferableSkills == null
            ? List.of()
            : Contracts.requireList(transferableSkills, "transferableSkills");
    pathways = pathways == null ? List.of() : Contracts.requireList(pathways, "pathways");
    evidencedSkills =
        evidencedSkills == null
            ? List.of()
            : Contracts.requireList(evidencedSkills, "evidencedSkills");
    Contracts.requireOptionalText(employerName, "employerName", VacancyData.MAX_EMPLOYER_NAME);
  }

  /** A match whose employer is not named. */
  public MatchData(
      String profileId,
      String vacancyId,
      String employerId,
      String vacancyTitle,
      int score,
      List<String> matchedSkills,
      List<String> missingSkills,
      List<ScorePart> parts,
      List<TransferableSkill> transferableSkills,
      List<PathwayStep> pathways,
      String taxonomyVersion,
      List<String> evidencedSkills) {
    this(
        profileId,
        vacancyId,
        employerId,
        vacancyTitle,
        score,
        matchedSkills,
        missingSkills,
        parts,
        transferableSkills,
        pathways,
        taxonomyVersion,
        evidencedSkills,
        null);
  }

  /** A match without evidence marks: every skill self-declared. */
  public MatchData(
      String profileId,
      String vacancyId,
      String employerId,
      String vacancyTitle,
      int score,
      List<String> matchedSkills,
      List<String> missingSkills,
      List<ScorePart> parts,
      List<TransferableSkill> transferableSkills,
      List<PathwayStep> pathways,
      String taxonomyVersion) {
    this(
        profileId,
        vacancyId,
        employerId,
        vacancyTitle,
        score,
        matchedSkills,
        missingSkills,
        parts,
        transferableSkills,
        pathways,
        taxonomyVersion,
        List.of());
  }

  /** A match with only skill lists, no breakdown. */
  public MatchData(
      String profileId,
      String vacancyId,
      String employerId,
      String vacancyTitle,
      int score,
      List<String> matchedSkills,
      List<String> missingSkills) {
    this(
        profileId,
        vacancyId,
        employerId,
        vacancyTitle,
        score,
        matchedSkills,
        missingSkills,
        List.of(),
        List.of(),
        List.of(),
        null,
        List.of());
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
