package org.skillway.events;

/**
 * Why a profile was erased. It carries nothing about the person: once the topic is compacted, this
 * is all that remains under the profile's key.
 *
 * @param reason {@code ACCOUNT_DELETED} (the person deleted their account) or {@code
 *     ERASURE_REQUEST} (an operator acted on a UK GDPR erasure request)
 */
public record ProfileErasure(String reason) {
  public ProfileErasure {
    Contracts.requireText(reason, "reason", 64);
  }
}
