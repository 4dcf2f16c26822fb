package org.skillway.ingest.export;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.bson.Document;
import org.skillway.support.Role;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Query;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * What ingest-service itself holds about one caller, read as stored (so nothing stored is left out
 * by a mapping), less the secrets that prove identity: password and claim-token hashes, and the
 * hashes that API keys are looked up by. Those are not data about the person, and handing them out
 * would weaken the account.
 */
@Component
class OwnRecords {
  private final ReactiveMongoTemplate mongo;

  OwnRecords(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  Mono<Map<String, Object>> of(String subject, Role role) {
    return switch (role) {
      case STUDENT ->
          collect(
              Map.of(
                  "account", byId("accounts", subject),
                  "profile", byId("profiles", subject)));
      case EMPLOYER ->
          collect(
              Map.of(
                  "apiKeys", all("api_keys", query(where("ownerId").is(subject))),
                  "vacancies", all("vacancies", query(where("employerId").is(subject)))));
      case UNIVERSITY ->
          all("uploads", query(where("universityId").is(subject)))
              .flatMap(
                  uploads -> {
                    List<Object> ids =
                        uploads.stream().map(u -> ((Document) u).get("_id")).toList();
                    return collect(
                        Map.of(
                            "apiKeys", all("api_keys", query(where("ownerId").is(subject))),
                            "uploads", Mono.just(uploads),
                            "uploadRejections",
                                all("upload_rejections", query(where("uploadId").in(ids)))));
                  });
      case OPERATOR ->
          collect(Map.of("apiKeys", all("api_keys", query(where("ownerId").is(subject)))));
    };
  }

  private Mono<Object> byId(String collection, String id) {
    return mongo
        .findOne(query(where("_id").is(id)), Document.class, collection)
        .map(OwnRecords::withoutSecrets)
        .cast(Object.class)
        .defaultIfEmpty(Map.of());
  }

  private Mono<List<Object>> all(String collection, Query which) {
    return mongo
        .find(which, Document.class, collection)
        .map(OwnRecords::withoutSecrets)
        .cast(Object.class)
        .collectList();
  }

  private static Document withoutSecrets(Document stored) {
    Document copy = new Document(stored);
    copy.remove("passwordHash");
    copy.remove("_class");
    if (copy.get("claim") instanceof Document claim) {
      Document shown = new Document(claim);
      shown.remove("tokenHash");
      copy.put("claim", shown);
    }
    if (copy.containsKey("keyId")) {
      copy.remove("_id"); // an API key's _id is the hash it is looked up by
    }
    return copy;
  }

  private static Mono<Map<String, Object>> collect(Map<String, Mono<?>> parts) {
    return Flux.fromIterable(parts.entrySet())
        .concatMap(e -> e.getValue().map(v -> Map.entry(e.getKey(), (Object) v)))
        .collectMap(Map.Entry::getKey, Map.Entry::getValue, LinkedHashMap::new);
  }
}
