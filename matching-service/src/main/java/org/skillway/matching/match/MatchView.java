package org.skillway.matching.match;

import java.time.Instant;
import java.util.List;
import org.skillway.events.PathwayStep;
import org.skillway.events.ScorePart;
import org.skillway.events.TransferableSkill;

/** A standing match as the query API shows it. */
public record MatchView(
    String matchId,
    String profileId,
    String vacancyId,
    String vacancyTitle,
    String employerId,
    int score,
    List<ScorePart> parts,
    List<String> matchedSkills,
    List<String> missingSkills,
    List<TransferableSkill> transferableSkills,
    List<PathwayStep> pathways,
    String taxonomyVersion,
    Instant changedAt) {

  static MatchView of(StoredMatch stored) {
    var m = stored.match();
    return new MatchView(
        stored.id(),
        m.profileId(),
        m.vacancyId(),
        m.vacancyTitle(),
        m.employerId(),
        m.score(),
        m.parts(),
        m.matchedSkills(),
        m.missingSkills(),
        m.transferableSkills(),
        m.pathways(),
        m.taxonomyVersion(),
        stored.changedAt());
  }
}
