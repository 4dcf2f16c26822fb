package org.skillway.ingest.vacancy;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import java.time.Clock;
import java.util.List;
import org.skillway.events.EventMetadata;
import org.skillway.events.VacancyPublished;
import org.skillway.events.VacancyStatus;
import org.skillway.ingest.organisation.Organisations;
import org.skillway.ingest.system.VersionedReplace;
import org.skillway.support.ApiProblemException;
import org.skillway.support.EventPublisher;
import org.springframework.dao.DuplicateKeyException;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Stores vacancies and publishes each change as one versioned event, answering only once Kafka
 * holds it; a change whose event could not be published is undone (as for profiles). Each event
 * names the employer by the display name it has at the time, if any.
 */
@Component
class Vacancies {
  private final ReactiveMongoTemplate mongo;
  private final EventPublisher events;
  private final Clock clock;
  private final Organisations organisations;

  Vacancies(
      ReactiveMongoTemplate mongo,
      EventPublisher events,
      Clock clock,
      Organisations organisations) {
    this.organisations = organisations;
    this.mongo = mongo;
    this.events = events;
    this.clock = clock;
  }

  /**
   * Stores version 1 and publishes it. Creating the same id again (a retried request with the same
   * {@code Idempotency-Key}) publishes the stored version again, which consumers ignore.
   */
  Mono<StoredVacancy> create(String id, String employerId, Vacancy vacancy) {
    StoredVacancy fresh =
        new StoredVacancy(id, employerId, 1, vacancy, VacancyStatus.OPEN, clock.instant());
    return mongo
        .insert(fresh)
        .map(inserted -> new Created(inserted, true))
        .onErrorResume(
            DuplicateKeyException.class,
            retried -> ownedBy(id, employerId).map(existing -> new Created(existing, false)))
        .flatMap(
            created ->
                publish(created.stored())
                    .onErrorResume(
                        failed ->
                            created.fresh()
                                ? mongo
                                    .remove(
                                        query(where("_id").is(id).and("version").is(1)),
                                        StoredVacancy.class)
                                    .then(Mono.error(failed))
                                : Mono.error(failed))
                    .thenReturn(created.stored()));
  }

  private record Created(StoredVacancy stored, boolean fresh) {}

  /** The employer's vacancy; 404 if there is none, 403 if it is another employer's. */
  Mono<StoredVacancy> ownedBy(String id, String employerId) {
    return mongo
        .findById(id, StoredVacancy.class)
        .switchIfEmpty(
            Mono.error(
                new ApiProblemException(
                    HttpStatus.NOT_FOUND, "There is no such vacancy.", List.of())))
        .flatMap(
            stored ->
                stored.employerId().equals(employerId)
                    ? Mono.just(stored)
                    : Mono.error(
                        new ApiProblemException(
                            HttpStatus.FORBIDDEN,
                            "This vacancy belongs to another employer.",
                            List.of())));
  }

  /** The employer's vacancies, newest change first. */
  Flux<StoredVacancy> of(String employerId, int page, int size) {
    return mongo.find(
        query(where("employerId").is(employerId))
            .with(Sort.by(Sort.Direction.DESC, "updatedAt").and(Sort.by("_id")))
            .skip((long) page * size)
            .limit(size),
        StoredVacancy.class);
  }

  Mono<Long> countOf(String employerId) {
    return mongo.count(query(where("employerId").is(employerId)), StoredVacancy.class);
  }

  /** Replaces the vacancy (and its status) with the next version. */
  Mono<StoredVacancy> replace(StoredVacancy current, Vacancy vacancy, VacancyStatus status) {
    StoredVacancy next =
        new StoredVacancy(
            current.id(),
            current.employerId(),
            current.version() + 1,
            vacancy,
            status,
            clock.instant());
    return swap(current.version(), next)
        .flatMap(
            swapped ->
                publish(next)
                    .onErrorResume(failed -> swap(next.version(), current).then(Mono.error(failed)))
                    .thenReturn(next));
  }

  /** Publishes the vacancy as closed, then forgets it. */
  Mono<Void> delete(StoredVacancy current) {
    StoredVacancy closed =
        new StoredVacancy(
            current.id(),
            current.employerId(),
            current.version() + 1,
            current.vacancy(),
            VacancyStatus.CLOSED,
            clock.instant());
    return publish(closed)
        .then(mongo.remove(query(where("_id").is(current.id())), StoredVacancy.class))
        .then();
  }

  private Mono<Void> publish(StoredVacancy stored) {
    return organisations
        .nameIfSet(stored.employerId())
        .map(java.util.Optional::of)
        .defaultIfEmpty(java.util.Optional.empty())
        .flatMap(
            name ->
                events.publish(
                    new VacancyPublished(
                        EventMetadata.next(stored.id(), stored.version(), clock.instant()),
                        stored.data(name.orElse(null)))));
  }

  private Mono<StoredVacancy> swap(long expectedVersion, StoredVacancy next) {
    return VersionedReplace.replace(mongo, next.id(), expectedVersion, next, "vacancy");
  }
}
