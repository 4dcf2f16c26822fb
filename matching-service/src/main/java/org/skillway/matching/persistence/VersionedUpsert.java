package org.skillway.matching.persistence;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import reactor.core.publisher.Mono;

/**
 * Writes a document only if it is newer than the stored one, in one single-document operation: the
 * filter {@code {_id, version < v}} matches an older document, or nothing, in which case the upsert
 * tries to insert and the unique {@code _id} refuses it when an equal or newer version is already
 * there. A replayed or out-of-order event therefore changes nothing.
 */
public final class VersionedUpsert {
  private VersionedUpsert() {}

  /**
   * @return the document as stored after the write (the incoming one, or the newer one already
   *     there)
   */
  public static <T> Mono<T> apply(
      ReactiveMongoTemplate mongo, String id, long version, Update fields, Class<T> type) {
    Update update = fields.set("version", version);
    return mongo
        .upsert(query(where("_id").is(id).and("version").lt(version)), update, type)
        .then()
        .onErrorResume(DuplicateKeyException.class, sameOrNewerStored -> Mono.empty())
        .then(mongo.findById(id, type));
  }
}
