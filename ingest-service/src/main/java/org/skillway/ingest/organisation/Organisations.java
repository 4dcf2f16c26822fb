package org.skillway.ingest.organisation;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import com.github.benmanes.caffeine.cache.Cache;
import com.github.benmanes.caffeine.cache.Caffeine;
import java.time.Clock;
import java.time.Duration;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.skillway.ingest.apikey.ApiKey;
import org.skillway.ingest.apikey.ApiKeyStore;
import org.skillway.support.Batches;
import org.skillway.support.Role;
import org.springframework.data.mongodb.core.FindAndReplaceOptions;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.data.mongodb.core.query.Update;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;

/**
 * Employers' and universities' display names, for whatever shows an organisation to people: the web
 * pages, and the events whose e-mails name it. An organisation that has set no name is shown in
 * neutral words ({@link DisplayName#neutral}), never by its id.
 *
 * <p>Names are cached for {@link #CACHE_FOR}: a page listing many vacancies asks for the same few
 * employers again and again. A name set on this instance is seen here at once; another instance
 * sees it within that time.
 */
@Component
public class Organisations {
  static final Duration CACHE_FOR = Duration.ofMinutes(1);

  private final ReactiveMongoTemplate mongo;
  private final ApiKeyStore keys;
  private final Clock clock;

  /** What is known of an id: its role and name, either of which may be missing. */
  private record Known(Role role, String name) {
    static final Known NOTHING = new Known(null, null);
  }

  private final Cache<String, Known> cache =
      Caffeine.newBuilder().expireAfterWrite(CACHE_FOR).maximumSize(10_000).build();

  Organisations(ReactiveMongoTemplate mongo, ApiKeyStore keys, Clock clock) {
    this.mongo = mongo;
    this.keys = keys;
    this.clock = clock;
  }

  /** An organisation as its owner sees it: {@code displayName} is {@code null} until set. */
  public record Organisation(String id, Role role, String displayName) {}

  /**
   * What to call this employer or university: its display name, or "An employer" / "A university"
   * if it has none ("An organisation" if even its role is unknown).
   */
  public Mono<String> displayName(String id) {
    return known(id).map(k -> k.name() != null ? k.name() : DisplayName.neutral(k.role()));
  }

  /**
   * As {@link #displayName(String)}, for a caller that knows the role already: the fallback then
   * needs no look-up of the organisation's keys.
   */
  public Mono<String> displayName(String id, Role role) {
    return nameIfSet(id).defaultIfEmpty(DisplayName.neutral(role));
  }

  /**
   * What to call each of these organisations (as {@link #displayName(String)}), by id, in the order
   * given; one query for all those not cached.
   */
  public Mono<Map<String, String>> displayNames(Collection<String> ids) {
    Set<String> wanted = new LinkedHashSet<>(ids);
    Map<String, Known> cached = cache.getAllPresent(wanted);
    List<String> missing = wanted.stream().filter(id -> !cached.containsKey(id)).toList();
    return Flux.fromIterable(Batches.of(missing, Batches.IN_LIST))
        .concatMap(some -> mongo.find(query(where("_id").in(some)), StoredOrganisation.class))
        .collectMap(StoredOrganisation::id, o -> new Known(o.role(), o.displayName()))
        .flatMap(
            found ->
                Flux.fromIterable(missing)
                    .concatMap(
                        id ->
                            found.containsKey(id)
                                ? Mono.just(Map.entry(id, found.get(id)))
                                : roleFromKeys(id).map(k -> Map.entry(id, k)))
                    .doOnNext(e -> cache.put(e.getKey(), e.getValue()))
                    .collectMap(Map.Entry::getKey, Map.Entry::getValue))
        .map(
            fetched -> {
              Map<String, String> names = new LinkedHashMap<>();
              for (String id : wanted) {
                Known k = cached.containsKey(id) ? cached.get(id) : fetched.get(id);
                names.put(id, k.name() != null ? k.name() : DisplayName.neutral(k.role()));
              }
              return names;
            });
  }

  /**
   * The name the organisation set, or empty if it set none: what an event carries, so that each
   * consumer words an unnamed organisation as it sees fit.
   */
  public Mono<String> nameIfSet(String id) {
    Known hit = cache.getIfPresent(id);
    if (hit != null) {
      return Mono.justOrEmpty(hit.name());
    }
    return mongo
        .findById(id, StoredOrganisation.class)
        .map(o -> new Known(o.role(), o.displayName()))
        .doOnNext(k -> cache.put(id, k))
        .flatMap(k -> Mono.justOrEmpty(k.name()));
  }

  /** The caller's own organisation, named or not. */
  public Mono<Organisation> of(String id, Role role) {
    return mongo
        .findById(id, StoredOrganisation.class)
        .map(o -> new Organisation(id, role, o.displayName()))
        .defaultIfEmpty(new Organisation(id, role, null));
  }

  /**
   * Sets the display name, which the caller has checked ({@link DisplayName#problems}).
   *
   * @param name as sent: it is kept trimmed
   */
  public Mono<Organisation> rename(String id, Role role, String name) {
    String kept = DisplayName.normalise(name);
    StoredOrganisation next = new StoredOrganisation(id, role, kept, clock.instant());
    return mongo
        .findAndReplace(query(where("_id").is(id)), next, FindAndReplaceOptions.options().upsert())
        .then(Mono.fromRunnable(() -> cache.put(id, new Known(role, kept))))
        .thenReturn(new Organisation(id, role, kept));
  }

  /** Names an organisation that has no name yet; one that has keeps it (the demo's start-up). */
  Mono<Void> nameIfUnnamed(String id, Role role, String name) {
    return mongo
        .upsert(
            query(where("_id").is(id).and("displayName").isNull()),
            new Update()
                .set("role", role)
                .set("displayName", DisplayName.normalise(name))
                .set("updatedAt", clock.instant()),
            StoredOrganisation.class)
        // The filter misses a named organisation, and the upsert then collides with its _id.
        .onErrorResume(org.springframework.dao.DuplicateKeyException.class, named -> Mono.empty())
        .doOnSuccess(done -> cache.invalidate(id))
        .then();
  }

  /** Nothing stored: the role, if the id owns an API key, says which neutral words fit. */
  private Mono<Known> roleFromKeys(String id) {
    return keys.of(id)
        .map(ApiKey::role)
        .filter(role -> role == Role.EMPLOYER || role == Role.UNIVERSITY)
        .next()
        .map(role -> new Known(role, null))
        .defaultIfEmpty(Known.NOTHING);
  }

  private Mono<Known> known(String id) {
    Known hit = cache.getIfPresent(id);
    if (hit != null) {
      return Mono.just(hit);
    }
    return mongo
        .findById(id, StoredOrganisation.class)
        .map(o -> new Known(o.role(), o.displayName()))
        .switchIfEmpty(Mono.defer(() -> roleFromKeys(id)))
        .doOnNext(k -> cache.put(id, k));
  }
}
