package org.skillway.ingest.profile;

import reactor.core.publisher.Mono;

/**
 * Deletes a person's account with their profile. Implemented by the account package, which owns the
 * credentials; declared here so the profile API does not depend on how accounts are kept.
 */
public interface ProfileErasures {
  Mono<Void> deleteAccount(String profileId);
}
