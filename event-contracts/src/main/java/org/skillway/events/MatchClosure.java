package org.skillway.events;

/** Why a match no longer stands, and which it was. */
public record MatchClosure(
    String profileId,
    String vacancyId,
    String employerId,
    String vacancyTitle,
    WithdrawalReason reason) {
  public MatchClosure {
    Contracts.requireText(profileId, "profileId", 64);
    Contracts.requireText(vacancyId, "vacancyId", 64);
    Contracts.requireText(employerId, "employerId", 64);
    Contracts.requireText(vacancyTitle, "vacancyTitle", 200);
    if (reason == null) {
      throw new IllegalArgumentException("reason is required");
    }
  }

  /** The person asked to be forgotten: tell them nothing more. */
  public boolean personErased() {
    return !reason.personMayBeTold();
  }
}
