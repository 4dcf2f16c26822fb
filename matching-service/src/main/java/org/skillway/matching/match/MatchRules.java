package org.skillway.matching.match;

import java.time.LocalDate;
import java.util.Optional;
import org.skillway.events.MatchData;
import org.skillway.events.ProfileData;
import org.skillway.events.VacancyData;

/**
 * Decides whether a profile and a vacancy match. Hard filters first (consent withdrawn, vacancy
 * closed), then the skill overlap must reach the minimum score and include at least one skill.
 */
public final class MatchRules {
  private final int minimumScore;

  public MatchRules(int minimumScore) {
    if (minimumScore < 1 || minimumScore > 100) {
      throw new IllegalArgumentException("minimumScore must be between 1 and 100");
    }
    this.minimumScore = minimumScore;
  }

  public Optional<MatchData> evaluate(
      String profileId,
      ProfileData profile,
      String vacancyId,
      VacancyData vacancy,
      LocalDate today) {
    if (!profile.consentToMatch() || vacancy.closingDate().isBefore(today)) {
      return Optional.empty();
    }
    SkillOverlap overlap = SkillOverlap.of(profile.skills(), vacancy.requiredSkills());
    if (overlap.matched().isEmpty() || overlap.score() < minimumScore) {
      return Optional.empty();
    }
    return Optional.of(
        new MatchData(
            profileId,
            vacancyId,
            vacancy.employerId(),
            vacancy.title(),
            overlap.score(),
            overlap.matched(),
            overlap.missing()));
  }
}
