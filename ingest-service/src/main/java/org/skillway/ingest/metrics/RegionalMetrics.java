package org.skillway.ingest.metrics;

import static org.springframework.data.mongodb.core.aggregation.Aggregation.group;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.match;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.newAggregation;
import static org.springframework.data.mongodb.core.aggregation.Aggregation.unwind;
import static org.springframework.data.mongodb.core.query.Criteria.where;

import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.MultiGauge;
import io.micrometer.core.instrument.Tags;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicLong;
import org.bson.Document;
import org.skillway.events.Pathway;
import org.skillway.events.VacancyKind;
import org.skillway.events.VacancyStatus;
import org.skillway.ingest.skill.SkillCatalogue;
import org.skillway.ingest.vacancy.RegionalSector;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.aggregation.Aggregation;
import org.springframework.scheduling.annotation.Scheduled;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;

/**
 * The region's picture, counted from ingest's stored profiles and vacancies once a minute, with
 * bounded labels: {@code skillway_region_people{pathway}}, {@code skillway_region_open_roles{kind,
 * sector}} (the sector as {@link RegionalSector} reads the vacancy's own words: one of the six,
 * {@code other} or {@code unstated}), and for the {@value #SCARCE} skills most asked for by open
 * roles that the fewest people have (the largest shortfall: roles asking minus people having),
 * {@code skillway_region_scarce_skill_demand{skill}} (open roles asking) and {@code
 * skillway_region_scarce_skill_supply{skill}} (people who have it). The skill label is the skill's
 * preferred name; only the current {@value #SCARCE} are reported.
 */
@Component
public class RegionalMetrics {
  static final int SCARCE = 20;
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(RegionalMetrics.class);

  private final ReactiveMongoTemplate mongo;
  private final SkillCatalogue skills;
  private final Map<Pathway, AtomicLong> people = new EnumMap<>(Pathway.class);
  private final Map<VacancyKind, Map<RegionalSector, AtomicLong>> openRoles =
      new EnumMap<>(VacancyKind.class);
  private final MultiGauge scarceDemand;
  private final MultiGauge scarceSupply;

  public RegionalMetrics(ReactiveMongoTemplate mongo, SkillCatalogue skills, MeterRegistry meters) {
    this.mongo = mongo;
    this.skills = skills;
    for (Pathway pathway : Pathway.values()) {
      AtomicLong count = new AtomicLong();
      people.put(pathway, count);
      Gauge.builder("skillway.region.people", count, AtomicLong::get)
          .description("People with a profile, by pathway")
          .tag("pathway", pathway.name().toLowerCase(java.util.Locale.ROOT))
          .register(meters);
    }
    for (VacancyKind kind : VacancyKind.values()) {
      Map<RegionalSector, AtomicLong> bySector = new EnumMap<>(RegionalSector.class);
      openRoles.put(kind, bySector);
      for (RegionalSector sector : RegionalSector.values()) {
        AtomicLong count = new AtomicLong();
        bySector.put(sector, count);
        Gauge.builder("skillway.region.open.roles", count, AtomicLong::get)
            .description("Open vacancies, by kind and sector")
            .tag("kind", kind.name().toLowerCase(java.util.Locale.ROOT))
            .tag("sector", sector.slug())
            .register(meters);
      }
    }
    scarceDemand =
        MultiGauge.builder("skillway.region.scarce.skill.demand")
            .description("Open roles asking for one of the skills fewest people have")
            .register(meters);
    scarceSupply =
        MultiGauge.builder("skillway.region.scarce.skill.supply")
            .description("People having one of the skills most asked for that fewest people have")
            .register(meters);
  }

  /**
   * Four aggregations over every profile and open vacancy: not cheap on a large region, and on the
   * MongoDB wire server the tests use they hold the database while they run. So the picture is
   * counted every 15 minutes, first 5 minutes after start (the proof counts every two seconds).
   */
  @Scheduled(
      initialDelayString = "${skillway.metrics.region-first:PT5M}",
      fixedDelayString = "${skillway.metrics.region-every:PT15M}")
  void count() {
    Mono.zip(
            counts(newAggregation(group("profile.pathway").count().as("n")), "profiles"),
            mongo
                .aggregate(
                    newAggregation(
                        match(where("status").is(VacancyStatus.OPEN.name())),
                        group("vacancy.kind", "vacancy.sector").count().as("n")),
                    "vacancies",
                    Document.class)
                .collectList(),
            counts(
                newAggregation(
                    match(where("status").is(VacancyStatus.OPEN.name())),
                    unwind("vacancy.requiredSkills"),
                    group("vacancy.requiredSkills.skillId").count().as("n")),
                "vacancies"),
            counts(
                newAggregation(
                    unwind("profile.skills"), group("profile.skills.skillId").count().as("n")),
                "profiles"))
        .subscribe(
            all -> {
              people.forEach((p, n) -> n.set(all.getT1().getOrDefault(p.name(), 0L)));
              openRoles(all.getT2());
              scarce(all.getT3(), all.getT4());
            },
            failure -> LOG.debug("Counting the region's picture failed", failure));
  }

  /** Each row is one kind and free-text sector; several texts may fall in one sector. */
  private void openRoles(List<Document> rows) {
    Map<VacancyKind, Map<RegionalSector, Long>> counted = new EnumMap<>(VacancyKind.class);
    for (Document row : rows) {
      Document key = row.get("_id", Document.class);
      VacancyKind kind;
      try {
        kind = VacancyKind.valueOf(String.valueOf(key.get("kind")));
      } catch (IllegalArgumentException unknown) {
        continue;
      }
      Object sector = key.get("sector");
      counted
          .computeIfAbsent(kind, k -> new EnumMap<>(RegionalSector.class))
          .merge(
              RegionalSector.of(sector == null ? null : sector.toString()),
              ((Number) row.get("n")).longValue(),
              Long::sum);
    }
    openRoles.forEach(
        (kind, bySector) ->
            bySector.forEach(
                (sector, n) ->
                    n.set(counted.getOrDefault(kind, Map.of()).getOrDefault(sector, 0L))));
  }

  private void scarce(Map<String, Long> demand, Map<String, Long> supply) {
    List<Map.Entry<String, Long>> asked = new ArrayList<>(demand.entrySet());
    // The widest gaps first: open roles asking for a skill minus people who have it.
    asked.sort(
        Comparator.comparingLong(
                (Map.Entry<String, Long> e) -> supply.getOrDefault(e.getKey(), 0L) - e.getValue())
            .thenComparing(Map.Entry::getValue, Comparator.reverseOrder())
            .thenComparing(Map.Entry::getKey));
    List<MultiGauge.Row<?>> demandRows = new ArrayList<>();
    List<MultiGauge.Row<?>> supplyRows = new ArrayList<>();
    for (Map.Entry<String, Long> skill : asked.subList(0, Math.min(SCARCE, asked.size()))) {
      Tags tags = Tags.of("skill", skills.label(skill.getKey()));
      demandRows.add(MultiGauge.Row.of(tags, skill.getValue()));
      supplyRows.add(MultiGauge.Row.of(tags, supply.getOrDefault(skill.getKey(), 0L)));
    }
    // Overwrite: a skill that leaves the list stops being reported, so at most 20 series exist.
    scarceDemand.register(demandRows, true);
    scarceSupply.register(supplyRows, true);
  }

  private Mono<Map<String, Long>> counts(Aggregation aggregation, String collection) {
    return mongo
        .aggregate(aggregation, collection, Document.class)
        .collectMap(d -> String.valueOf(d.get("_id")), d -> ((Number) d.get("n")).longValue())
        .map(HashMap::new);
  }
}
