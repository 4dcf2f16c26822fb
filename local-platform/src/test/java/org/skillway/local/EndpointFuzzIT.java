package org.skillway.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.skillway.local.Tenants.Caller.ANONYMOUS;
import static org.skillway.local.Tenants.Caller.EMPLOYER_A;
import static org.skillway.local.Tenants.Caller.OPERATOR;
import static org.skillway.local.Tenants.Caller.STUDENT_A;
import static org.skillway.local.Tenants.Caller.UNIVERSITY_A;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.URLEncoder;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.atomic.AtomicInteger;
import net.jqwik.api.Arbitraries;
import net.jqwik.api.Arbitrary;
import net.jqwik.api.Combinators;
import net.jqwik.api.ForAll;
import net.jqwik.api.GenerationMode;
import net.jqwik.api.Property;
import net.jqwik.api.Provide;
import net.jqwik.api.ShrinkingMode;
import net.jqwik.api.Tuple;
import net.jqwik.api.lifecycle.AfterContainer;
import net.jqwik.api.lifecycle.AfterProperty;
import net.jqwik.api.lifecycle.BeforeContainer;
import org.skillway.local.RouteTable.Route;
import org.skillway.local.Tenants.Caller;
import tools.jackson.databind.JsonNode;

/**
 * Odd input for every endpoint of the three running services (read from their controller mappings):
 * odd path variables, query parameters, headers, JSON bodies and cohort files, mostly from a caller
 * the endpoint admits (so the request gets past authentication to validation), sometimes anonymous
 * or with credentials no service should accept. Whatever arrives, a service never answers 5xx,
 * every 4xx is an RFC 9457 problem with its status and title, and no answer shows a stack trace or
 * a Java class or package name.
 *
 * <p>Every failing input is collected and all are reported at once; the seed is fixed so a run
 * repeats exactly.
 */
class EndpointFuzzIT {
  private static final int TRIES = 2500;

  /** Long enough for any honest answer on a busy 2-core machine; longer is a hang. */
  private static final RawHttp HTTP = new RawHttp(java.time.Duration.ofSeconds(10));

  private static ServiceSet services;
  private static Tenants tenants;
  private static List<Route> routes;
  private static final AtomicInteger sent = new AtomicInteger();
  private static final List<String> failures = Collections.synchronizedList(new ArrayList<>());
  private static final Map<String, Integer> failureKinds = new TreeMap<>();
  private static long startedAt;
  private static String previous = "(none)";
  private static final Map<String, Long> durations = new TreeMap<>();

  private static String slowest() {
    synchronized (durations) {
      return durations.entrySet().stream()
          .sorted(Map.Entry.<String, Long>comparingByValue().reversed())
          .limit(8)
          .map(e -> e.getKey() + " " + e.getValue())
          .toList()
          .toString();
    }
  }

  @BeforeContainer
  static void startPlatform() {
    services = Tenants.startPlatform();
    tenants = Tenants.create(services);
    routes = RouteTable.of(services);
    startedAt = System.nanoTime();
  }

  @AfterContainer
  static void stopPlatform() {
    if (services != null) {
      services.close();
    }
  }

  enum Mode {
    ADMITTED,
    ANONYMOUS,
    ODD_CREDENTIALS
  }

  /** One path segment's value, and whether it goes in as typed (when the URI allows it). */
  record Segment(String value, boolean raw) {}

  record Param(String name, String value, boolean raw) {}

  record Fuzz(
      Route route,
      Mode mode,
      List<Segment> segments,
      List<Boolean> keepRealIds,
      List<Param> query,
      String contentType,
      String accept,
      String oddCredential,
      String body) {}

  @Property(
      tries = TRIES,
      seed = "20261201",
      shrinking = ShrinkingMode.OFF,
      generation = GenerationMode.RANDOMIZED)
  void noInputMakesAServiceFailOrShowItsInsides(@ForAll("requests") Fuzz fuzz) {
    Request request = build(fuzz);
    sent.incrementAndGet();
    RawHttp.Response response;
    long begun = System.nanoTime();
    try {
      response = send(fuzz, request);
    } catch (RuntimeException e) {
      Throwable cause = e.getCause() == null ? e : e.getCause();
      record(
          fuzz,
          request,
          "no answer ("
              + cause
              + "; "
              + retried(fuzz, request)
              + "; the request before: "
              + previous
              + ")",
          null);
      return;
    } finally {
      long millis = (System.nanoTime() - begun) / 1_000_000;
      synchronized (durations) {
        durations.merge(fuzz.route().key(), millis, Long::sum);
      }
    }
    for (String problem : problemsWith(fuzz.route(), response)) {
      record(fuzz, request, problem, response);
    }
    previous =
        fuzz.route().method()
            + " "
            + shorten(request.path(), 120)
            + " "
            + shorten(request.headers().toString(), 200)
            + " body "
            + (request.body() == null ? "(none)" : request.body().length + " bytes")
            + " -> "
            + response.status();
  }

  private static RawHttp.Response send(Fuzz fuzz, Request request) {
    return HTTP.send(
        tenants.port(fuzz.route().service()),
        fuzz.route().method(),
        request.path(),
        request.headers(),
        request.body());
  }

  /** Whether the same request, sent again, is answered: a hang on this input, or a stall? */
  private static String retried(Fuzz fuzz, Request request) {
    long begun = System.nanoTime();
    try {
      RawHttp.Response again = send(fuzz, request);
      return "sent again: "
          + again.status()
          + " in "
          + (System.nanoTime() - begun) / 1_000_000
          + " ms";
    } catch (RuntimeException e) {
      return "sent again: no answer either";
    }
  }

  @AfterProperty
  void everyInputWasAnsweredProperly() {
    long seconds = (System.nanoTime() - startedAt) / 1_000_000_000L;
    System.out.println("fuzzed " + sent.get() + " requests in " + seconds + " s");
    StringBuilder summary = new StringBuilder();
    synchronized (failureKinds) {
      failureKinds.forEach(
          (kind, count) -> summary.append("\n  ").append(count).append(" x ").append(kind));
    }
    String report =
        "fuzz failures: "
            + failures.size()
            + " inputs"
            + summary
            + "\n"
            + String.join("\n", failures);
    System.out.println(report);
    System.out.println("slowest endpoints (total ms): " + slowest());
    try {
      // The whole list, to read at leisure: a log line may be cut by what a terminal makes of it.
      Files.writeString(Path.of("target", "endpoint-fuzz-failures.txt"), report, UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    if (!failures.isEmpty()) {
      throw new AssertionError(
          failures.size()
              + " of "
              + sent.get()
              + " fuzzed requests were answered badly (by endpoint and kind):"
              + summary
              + "\nfirst of them:\n"
              + String.join("\n", failures.subList(0, Math.min(30, failures.size()))));
    }
  }

  // ---- what a good answer is -----------------------------------------------------------------

  private List<String> problemsWith(Route route, RawHttp.Response response) {
    List<String> problems = new ArrayList<>();
    int status = response.status();
    if (status >= 500) {
      problems.add(status + " answer");
    }
    if (status >= 400
        && status < 500
        && isWebPage(route)
        && !response.contentType().startsWith("application/problem+json")) {
      // The web app answers in HTML, a page that says what went wrong; only an address refused at
      // the edge, before any page is chosen (a %00, a 9 KB address), gets the platform's problem,
      // which the branch below checks.
      if (!response.contentType().startsWith("text/html")) {
        problems.add(
            status + " page that is not HTML (Content-Type '" + response.contentType() + "')");
      } else if (!response.body().contains("<h1")) {
        problems.add(status + " page without a heading");
      }
    } else if (status >= 400 && status < 500) {
      if (!response.contentType().startsWith("application/problem+json")) {
        problems.add(status + " not a problem (Content-Type '" + response.contentType() + "')");
      } else {
        try {
          JsonNode problem = tenants.json.readTree(response.body());
          if (problem.path("status").asInt(-1) != status) {
            problems.add(status + " problem without its status");
          }
          if (problem.path("title").asString("").isBlank()) {
            problems.add(status + " problem without a title");
          }
        } catch (RuntimeException notJson) {
          problems.add(status + " problem that is not JSON");
        }
      }
    }
    if (!FuzzInputs.harmless(response.body())) {
      problems.add(status + " answer shows Java insides");
    }
    return problems;
  }

  /** The web app's pages are ingest's paths outside the API, its description and the probes. */
  private static boolean isWebPage(Route route) {
    return route.service().equals("ingest")
        && !route.pattern().startsWith("/api/")
        && !route.pattern().startsWith("/v3/")
        && !route.pattern().startsWith("/actuator");
  }

  private void record(Fuzz fuzz, Request request, String problem, RawHttp.Response response) {
    String kind = fuzz.route().key() + ": " + problem.replaceAll("\\(.*", "").trim();
    synchronized (failureKinds) {
      failureKinds.merge(kind, 1, Integer::sum);
    }
    failures.add(
        "["
            + problem
            + "] "
            + fuzz.route().service()
            + " "
            + fuzz.route().method()
            + " "
            + shorten(request.path(), 300)
            + " as "
            + fuzz.mode()
            + " headers="
            + shorten(request.headers().toString(), 300)
            + " body="
            + (request.body() == null ? "(none)" : shorten(new String(request.body(), UTF_8), 300))
            + (response == null
                ? ""
                : " -> "
                    + response.status()
                    + " "
                    + response.contentType()
                    + " "
                    + shorten(response.body(), 300)));
  }

  /** At most {@code max} characters, each control or invisible character as a \\u escape. */
  private static String shorten(String text, int max) {
    StringBuilder visible = new StringBuilder();
    text.codePoints()
        .limit(max)
        .forEach(
            c -> {
              int type = Character.getType(c);
              if (Character.isISOControl(c)
                  || type == Character.FORMAT
                  || type == Character.LINE_SEPARATOR
                  || type == Character.PARAGRAPH_SEPARATOR
                  || type == Character.SURROGATE) {
                visible.append(String.format("\\u%04x", c));
              } else {
                visible.appendCodePoint(c);
              }
            });
    return text.length() > max ? visible + "…(" + text.length() + " chars)" : visible.toString();
  }

  // ---- turning a fuzz into a request ---------------------------------------------------------

  record Request(String path, Map<String, String> headers, byte[] body) {}

  private Request build(Fuzz fuzz) {
    Route route = fuzz.route();
    List<String> names = route.variables();
    Map<String, String> real = realIds();
    Map<String, String> values = new LinkedHashMap<>();
    for (int i = 0; i < names.size(); i++) {
      String name = names.get(i);
      boolean keep = fuzz.keepRealIds().get(i) && real.containsKey(name) && safeToKeep(route, name);
      values.put(name, keep ? encode(real.get(name)) : segment(fuzz.segments().get(i)));
    }
    StringBuilder path = new StringBuilder(route.expand(values::get));
    for (int i = 0; i < fuzz.query().size(); i++) {
      Param p = fuzz.query().get(i);
      path.append(i == 0 ? '?' : '&')
          .append(encode(p.name()))
          .append('=')
          .append(
              p.raw()
                      && printableAscii(p.value())
                      && uriAllows(p.value())
                      && !p.value().matches("(?s).*[#&=].*")
                  ? p.value()
                  : encode(p.value()));
    }
    Map<String, String> headers = new LinkedHashMap<>();
    Caller caller = admittedCaller(route);
    switch (fuzz.mode()) {
      case ADMITTED -> headers.putAll(tenants.credentials(caller, route.service()));
      case ANONYMOUS -> {}
      case ODD_CREDENTIALS ->
          headers.put(
              fuzz.oddCredential().startsWith("key:") ? "X-API-Key" : "Authorization",
              fuzz.oddCredential().substring(fuzz.oddCredential().indexOf(':') + 1));
    }
    // "" stands for no header at all; a sent header may still be empty (see FuzzInputs).
    if (!fuzz.contentType().equals(NONE)) {
      headers.put("Content-Type", fuzz.contentType());
    }
    if (!fuzz.accept().equals(NONE)) {
      headers.put("Accept", fuzz.accept());
    }
    byte[] body = FuzzInputs.NO_BODY.equals(fuzz.body()) ? null : fuzz.body().getBytes(UTF_8);
    String full = path.toString();
    if (!uriAllows(full)) {
      throw new IllegalStateException("not a URI: " + full);
    }
    return new Request(full, headers, body);
  }

  /**
   * A real id of A's may stay in the path, except where the call would destroy what the rest of the
   * run needs (student A's account, their session).
   */
  private static boolean safeToKeep(Route route, String name) {
    return !route.method().equals("DELETE") || name.equals("employerId");
  }

  private static Map<String, String> realIds() {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("profileId", tenants.ids.get(STUDENT_A));
    v.put("vacancyId", tenants.vacancyId);
    v.put("employerId", tenants.ids.get(EMPLOYER_A));
    v.put("cohortId", tenants.cohortId);
    v.put("uploadId", tenants.uploadId);
    v.put("studentRef", tenants.studentRef);
    v.put("notificationId", tenants.notificationId);
    v.put("scheme", "skill");
    v.put("code", "ccd0a1d9-afda-43d9-b901-96344886e14d");
    return v;
  }

  /** Who the endpoint is for, so the request reaches validation. */
  private static Caller admittedCaller(Route route) {
    String p = route.pattern();
    if (p.startsWith("/api/v1/profiles") || p.startsWith("/api/v1/me/")) {
      return STUDENT_A;
    }
    if (p.startsWith("/api/v1/admin")) {
      return OPERATOR;
    }
    if (p.startsWith("/api/v1/cohorts")) {
      return UNIVERSITY_A;
    }
    if (p.startsWith("/api/v1/vacancies")
        || p.startsWith("/api/v1/api-keys")
        || p.startsWith("/api/v1/tokens")
        || p.startsWith("/api/v1/employers")) {
      return EMPLOYER_A;
    }
    if (p.equals("/api/v1/sessions/current")) {
      // Signing out would spend student A's token, which the rest of the run needs.
      return ANONYMOUS;
    }
    return p.startsWith("/api/v1/skills") || p.startsWith("/api/v1/occupations")
        ? STUDENT_A
        : ANONYMOUS;
  }

  private static String segment(Segment s) {
    boolean typed =
        s.raw()
            && printableAscii(s.value())
            && uriAllows("/" + s.value())
            && !s.value().matches("(?s).*[/?#].*");
    return typed ? s.value() : encode(s.value());
  }

  private static String encode(String value) {
    return URLEncoder.encode(value, UTF_8).replace("+", "%20");
  }

  /**
   * Only printable ASCII goes in as typed: anything else is the HTTP client's to encode, and it
   * cannot encode a lone surrogate at all.
   */
  private static boolean printableAscii(String text) {
    return text.chars().allMatch(c -> c > 0x20 && c < 0x7f);
  }

  private static boolean uriAllows(String text) {
    try {
      URI.create("http://127.0.0.1:1" + (text.startsWith("/") ? "" : "/?a=") + text);
      return true;
    } catch (IllegalArgumentException e) {
      return false;
    }
  }

  // ---- generators ----------------------------------------------------------------------------

  @Provide
  Arbitrary<Fuzz> requests() {
    return Arbitraries.of(routes).flatMap(this::requestsFor);
  }

  private Arbitrary<Fuzz> requestsFor(Route route) {
    int variables = route.variables().size();
    Arbitrary<Mode> mode =
        Arbitraries.frequency(
            Tuple.of(85, Mode.ADMITTED),
            Tuple.of(10, Mode.ANONYMOUS),
            Tuple.of(5, Mode.ODD_CREDENTIALS));
    Arbitrary<List<Segment>> segments =
        Combinators.combine(FuzzInputs.nasty(), Arbitraries.of(true, false))
            .as(Segment::new)
            .list()
            .ofSize(variables);
    Arbitrary<List<Boolean>> keep = Arbitraries.of(true, false).list().ofSize(variables);
    Arbitrary<List<Param>> query =
        Combinators.combine(
                FuzzInputs.queryName(), FuzzInputs.queryValue(), Arbitraries.of(true, false))
            .as(Param::new)
            .list()
            .ofMaxSize(3);
    Base base = baseOf(route);
    Arbitrary<String> contentType =
        Arbitraries.frequencyOf(
            Tuple.of(6, base.contentTypes()), Tuple.of(4, FuzzInputs.contentType()));
    Arbitrary<String> accept =
        Arbitraries.frequencyOf(
            Tuple.of(8, Arbitraries.just(NONE)), Tuple.of(2, FuzzInputs.accept()));
    Arbitrary<String> odd =
        Arbitraries.oneOf(
            FuzzInputs.oddApiKey().map(k -> "key:" + k),
            FuzzInputs.oddAuthorization(tenants.tokens.get(STUDENT_A)).map(a -> "auth:" + a));
    Arbitrary<String> body = base.bodies();
    return Combinators.combine(mode, segments, keep, query, contentType, accept, odd, body)
        .as((m, s, k, q, ct, a, o, b) -> new Fuzz(route, m, s, k, q, ct, a, o, b));
  }

  /** What an admitted caller would send: the content type and the bodies to start from. */
  private record Base(Arbitrary<String> contentTypes, Arbitrary<String> bodies) {
    Base(String contentType, Arbitrary<String> bodies) {
      this(Arbitraries.just(contentType), bodies);
    }
  }

  /** No such header. */
  private static final String NONE = "\u0001none";

  private Base baseOf(Route route) {
    String key = route.method() + " " + route.pattern();
    var json = tenants.json;
    return switch (key) {
      case "POST /api/v1/vacancies", "PUT /api/v1/vacancies/{vacancyId}" ->
          jsonBase(tenants.vacancyBody());
      case "PATCH /api/v1/vacancies/{vacancyId}" ->
          new Base(
              "application/merge-patch+json",
              FuzzInputs.jsonBody(
                  json, "{\"positions\":2,\"status\":\"OPEN\",\"salaryMin\":20000}"));
      case "PUT /api/v1/profiles/{profileId}" -> jsonBase(tenants.profileBody());
      case "POST /api/v1/admin/api-keys" ->
          jsonBase("{\"ownerId\":\"fuzz-owner\",\"role\":\"EMPLOYER\",\"label\":\"fuzz\"}");
      case "POST /api/v1/api-keys" -> jsonBase("{\"label\":\"fuzz\"}");
      case "POST /api/v1/accounts" ->
          jsonBase(
              "{\"email\":\"fuzz@example.org\",\"password\":\"correct horse battery staple\",\"profile\":"
                  + tenants.profileBody()
                  + "}");
      case "POST /api/v1/account-claims" ->
          jsonBase(
              "{\"token\":\"not-a-real-token\",\"password\":\"correct horse battery staple\"}");
      case "POST /api/v1/sessions" ->
          jsonBase("{\"email\":\"nobody@example.org\",\"password\":\"not the password at all\"}");
      case "PUT /api/v1/employers/{employerId}/webhook" -> jsonBase(tenants.webhookBody());
      case "PUT /api/v1/profiles/{profileId}/preferences" -> jsonBase(tenants.preferencesBody());
      case "PATCH /api/v1/profiles/{profileId}/notifications/{notificationId}" ->
          jsonBase("{\"read\":true}");
      case "POST /api/v1/cohorts/{cohortId}/students" ->
          new Base(
              Arbitraries.of("text/csv", "text/csv", "application/x-ndjson"),
              Arbitraries.oneOf(
                  FuzzInputs.csv(),
                  FuzzInputs.csv(),
                  FuzzInputs.ndjson(json),
                  FuzzInputs.jsonBody(json, null)));
      default -> new Base(NONE, FuzzInputs.jsonBody(json, null));
    };
  }

  private Base jsonBase(String body) {
    return new Base("application/json", FuzzInputs.jsonBody(tenants.json, body));
  }
}
