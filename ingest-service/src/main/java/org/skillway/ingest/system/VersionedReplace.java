package org.skillway.ingest.system;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.List;
import org.skillway.support.ApiProblemException;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import reactor.core.publisher.Mono;

/**
 * Compare-and-set for versioned documents: replaces a document only if it is still at the version
 * the change was made from, in one single-document operation. Of two changes at once, the second
 * gets 409 and may read again and retry.
 */
public final class VersionedReplace {
  private VersionedReplace() {}

  /**
   * @param what how the client knows the document, for the conflict's wording ("profile")
   * @return {@code next}, once stored
   */
  public static <T> Mono<T> replace(
      ReactiveMongoTemplate mongo, String id, long expectedVersion, T next, String what) {
    return mongo
        .replace(query(where("_id").is(id).and("version").is(expectedVersion)), next)
        .flatMap(
            result ->
                result.getModifiedCount() == 1
                    ? Mono.just(next)
                    : Mono.error(
                        new ApiProblemException(
                            HttpStatus.CONFLICT,
                            "The "
                                + what
                                + " changed while this change was being made; read it again and"
                                + " retry.",
                            List.of())));
  }
}
