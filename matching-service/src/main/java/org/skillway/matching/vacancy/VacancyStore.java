package org.skillway.matching.vacancy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.LocalDate;
import org.skillway.matching.persistence.VersionedUpsert;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

@Component
public class VacancyStore {
  private final ReactiveMongoTemplate mongo;

  public VacancyStore(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  /** Stores the vacancy unless a newer version is there; returns what is stored afterwards. */
  public Mono<StoredVacancy> apply(StoredVacancy vacancy) {
    return VersionedUpsert.apply(
        mongo,
        vacancy.id(),
        vacancy.version(),
        new Update().set("vacancy", vacancy.vacancy()),
        StoredVacancy.class);
  }

  public Flux<StoredVacancy> all() {
    return mongo.findAll(StoredVacancy.class);
  }

  /** Every vacancy of this employer, open or closed. */
  public Flux<StoredVacancy> ofEmployer(String employerId) {
    return mongo.find(
        query(where("vacancy.employerId").is(employerId)).with(Sort.by("_id")),
        StoredVacancy.class);
  }

  public Mono<StoredVacancy> find(String id) {
    return mongo.findById(id, StoredVacancy.class);
  }

  /**
   * Vacancies still open on {@code today}. Filtered here, not by a date query, to keep dates
   * zone-free.
   */
  public Flux<StoredVacancy> open(LocalDate today) {
    return mongo
        .findAll(StoredVacancy.class)
        .filter(v -> !v.vacancy().closingDate().isBefore(today));
  }
}
