package org.skillway.events;

/**
 * Why a match no longer stands.
 *
 * @param reason {@code VACANCY_CLOSED}, {@code NO_LONGER_MATCHES}, {@code CONSENT_WITHDRAWN} or
 *     {@code PROFILE_ERASED} (the person is not told: they asked to be forgotten)
 */
public record MatchClosure(
    String profileId, String vacancyId, String employerId, String vacancyTitle, String reason) {
  public MatchClosure {
    Contracts.requireText(profileId, "profileId", 64);
    Contracts.requireText(vacancyId, "vacancyId", 64);
    Contracts.requireText(employerId, "employerId", 64);
    Contracts.requireText(vacancyTitle, "vacancyTitle", 200);
    Contracts.requireText(reason, "reason", 32);
  }

  /** The person asked to be forgotten: tell them nothing more. */
  public boolean personErased() {
    return "PROFILE_ERASED".equals(reason);
  }
}
