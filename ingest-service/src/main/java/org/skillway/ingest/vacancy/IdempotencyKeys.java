package org.skillway.ingest.vacancy;

import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
import org.skillway.support.Hashes;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.mapping.Document;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * {@code Idempotency-Key} for creating vacancies: the first request with a key fixes the new
 * vacancy's id; a retry with the same key and the same request gets the same vacancy, never a
 * second one; the same key with a different request is refused.
 */
@Component
class IdempotencyKeys {
  static final String HEADER = "Idempotency-Key";
  private static final int MAX_LENGTH = 200;

  @Document("idempotency_keys")
  record Claim(@Id String id, String requestHash, String resourceId, Instant createdAt) {}

  private final ReactiveMongoTemplate mongo;
  private final Clock clock;

  IdempotencyKeys(ReactiveMongoTemplate mongo, Clock clock) {
    this.mongo = mongo;
    this.clock = clock;
  }

  /**
   * The id the request with this key creates: new for a first use, the same as before for a retry.
   *
   * @param canonicalRequest the checked request, serialised, to tell a retry from a different
   *     request
   */
  Mono<String> resourceFor(String owner, String key, String canonicalRequest) {
    if (key.isBlank() || key.length() > MAX_LENGTH) {
      return Mono.error(
          new ApiProblemException(
              HttpStatus.BAD_REQUEST,
              HEADER + ": must be 1 to " + MAX_LENGTH + " characters",
              List.of(new FieldError(HEADER, "must be 1 to " + MAX_LENGTH + " characters"))));
    }
    String hash = Hashes.sha256Hex(canonicalRequest);
    Claim claim = new Claim(owner + ":" + key, hash, UUID.randomUUID().toString(), clock.instant());
    return mongo
        .insert(claim)
        .map(Claim::resourceId)
        .onErrorResume(
            DuplicateKeyException.class,
            used ->
                mongo
                    .findById(claim.id(), Claim.class)
                    .flatMap(
                        earlier ->
                            earlier.requestHash().equals(hash)
                                ? Mono.just(earlier.resourceId())
                                : Mono.error(
                                    new ApiProblemException(
                                        HttpStatus.UNPROCESSABLE_ENTITY,
                                        HEADER + " was used before for a different request",
                                        List.of(
                                            new FieldError(
                                                HEADER,
                                                "was used before for a different request; use a"
                                                    + " new key for a new vacancy"))))));
  }
}
