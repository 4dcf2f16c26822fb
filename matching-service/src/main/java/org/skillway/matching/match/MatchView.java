package org.skillway.matching.match;

import com.fasterxml.jackson.annotation.JsonInclude;
import java.time.Instant;
import java.util.List;
import org.skillway.events.PathwayStep;
import org.skillway.events.ScorePart;
import org.skillway.events.TransferableSkill;
import org.skillway.events.WithdrawalReason;

/**
 * A match as the query API shows it.
 *
 * @param status {@code ACTIVE}, or {@code WITHDRAWN} (then {@code withdrawalReason} says why, and
 *     the rest is the match as it last stood)
 * @param evidencedSkills the person's skills behind the match that their university vouches for;
 *     the others are self-declared
 * @param employerName the employer's display name, from its vacancy; absent if it set none (show
 *     "An employer" then, never the id)
 */
public record MatchView(
    String matchId,
    String profileId,
    String vacancyId,
    String vacancyTitle,
    String employerId,
    @JsonInclude(JsonInclude.Include.NON_NULL) String employerName,
    MatchStatus status,
    @JsonInclude(JsonInclude.Include.NON_NULL) WithdrawalReason withdrawalReason,
    int score,
    List<ScorePart> parts,
    List<String> matchedSkills,
    List<String> missingSkills,
    List<String> evidencedSkills,
    List<TransferableSkill> transferableSkills,
    List<PathwayStep> pathways,
    String taxonomyVersion,
    Instant changedAt) {

  /**
   * A match as its employer sees it: without the person's pathways, which are advice for the person
   * and name other employers' roles.
   */
  public static MatchView forEmployer(StoredMatch stored) {
    MatchView v = of(stored);
    return new MatchView(
        v.matchId(),
        v.profileId(),
        v.vacancyId(),
        v.vacancyTitle(),
        v.employerId(),
        v.employerName(),
        v.status(),
        v.withdrawalReason(),
        v.score(),
        v.parts(),
        v.matchedSkills(),
        v.missingSkills(),
        v.evidencedSkills(),
        v.transferableSkills(),
        List.of(),
        v.taxonomyVersion(),
        v.changedAt());
  }

  public static MatchView of(StoredMatch stored) {
    var m = stored.match();
    return new MatchView(
        stored.id(),
        m.profileId(),
        m.vacancyId(),
        m.vacancyTitle(),
        m.employerId(),
        m.employerName(),
        stored.status(),
        stored.closure() == null ? null : stored.closure().reason(),
        m.score(),
        m.parts(),
        m.matchedSkills(),
        m.missingSkills(),
        m.evidencedSkills(),
        m.transferableSkills(),
        m.pathways(),
        m.taxonomyVersion(),
        stored.changedAt());
  }
}
