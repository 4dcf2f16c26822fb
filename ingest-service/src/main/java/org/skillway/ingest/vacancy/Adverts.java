package org.skillway.ingest.vacancy;

import java.time.LocalDate;
import java.util.List;
import org.skillway.events.VacancyKind;
import org.skillway.events.VacancyStatus;
import org.skillway.events.WorkMode;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/** A vacancy as a person reads it on its role page: the advert, not the employer's bookkeeping. */
@Component
public class Adverts {
  private final ReactiveMongoTemplate mongo;

  Adverts(ReactiveMongoTemplate mongo) {
    this.mongo = mongo;
  }

  /**
   * @param open false once the employer closed it or its closing date passed
   */
  public record Advert(
      String vacancyId,
      String employerId,
      String title,
      VacancyKind kind,
      String outcode,
      List<String> otherPlaces,
      boolean nationwide,
      LocalDate closingDate,
      WorkMode workMode,
      Integer salaryMin,
      Integer salaryMax,
      LocalDate startDate,
      String description,
      boolean deviceProvided,
      boolean flexibleHours,
      boolean disabilityConfident,
      String apprenticeshipStandard,
      boolean open) {}

  public Mono<Advert> find(String vacancyId, LocalDate today) {
    return mongo.findById(vacancyId, StoredVacancy.class).map(stored -> advert(stored, today));
  }

  /** The adverts of these vacancies, by id (one query per hundred); unknown ids are left out. */
  public Mono<java.util.Map<String, Advert>> findAll(
      java.util.Collection<String> vacancyIds, LocalDate today) {
    return reactor.core.publisher.Flux.fromIterable(
            org.skillway.support.Batches.of(
                java.util.List.copyOf(new java.util.LinkedHashSet<>(vacancyIds)),
                org.skillway.support.Batches.IN_LIST))
        .concatMap(
            some ->
                mongo.find(
                    org.springframework.data.mongodb.core.query.Query.query(
                        org.springframework.data.mongodb.core.query.Criteria.where("_id").in(some)),
                    StoredVacancy.class))
        .collectMap(StoredVacancy::id, stored -> advert(stored, today));
  }

  private static Advert advert(StoredVacancy stored, LocalDate today) {
    Vacancy v = stored.vacancy();
    return new Advert(
        stored.id(),
        stored.employerId(),
        v.title(),
        v.kind(),
        v.outcode(),
        v.additionalOutcodes(),
        v.nationwide(),
        v.closingDate(),
        v.workMode(),
        v.salaryMin(),
        v.salaryMax(),
        v.startDate(),
        v.description(),
        v.deviceProvided(),
        v.flexibleHours(),
        v.disabilityConfident(),
        v.apprenticeship() == null ? null : v.apprenticeship().standard(),
        stored.status() != VacancyStatus.CLOSED && !v.closingDate().isBefore(today));
  }
}
