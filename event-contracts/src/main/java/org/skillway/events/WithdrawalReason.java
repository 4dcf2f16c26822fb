package org.skillway.events;

/**
 * Why a match no longer stands. On the wire it is the constant's name, as the {@code
 * MatchWithdrawn} schema lists them.
 */
public enum WithdrawalReason {
  /** The vacancy closed, was closed by its employer or passed its closing day. */
  VACANCY_CLOSED,
  /** The pair no longer passes the rules or the minimum score. */
  NO_LONGER_MATCHES,
  /** The person asked not to be matched. */
  CONSENT_WITHDRAWN,
  /**
   * The person asked to be forgotten: they are told nothing more, the employer only that it ended.
   */
  PROFILE_ERASED;

  /** Whether the person may be written to about it. */
  public boolean personMayBeTold() {
    return this != PROFILE_ERASED;
  }
}
