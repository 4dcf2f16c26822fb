package org.skillway.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.assertj.core.api.Assertions.assertThat;
import static org.skillway.local.Tenants.Caller.ANONYMOUS;
import static org.skillway.local.Tenants.Caller.EMPLOYER_A;
import static org.skillway.local.Tenants.Caller.EMPLOYER_B;
import static org.skillway.local.Tenants.Caller.OPERATOR;
import static org.skillway.local.Tenants.Caller.STUDENT_A;
import static org.skillway.local.Tenants.Caller.STUDENT_B;
import static org.skillway.local.Tenants.Caller.UNIVERSITY_A;
import static org.skillway.local.Tenants.Caller.UNIVERSITY_B;

import java.net.URLEncoder;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.skillway.local.RouteTable.Route;
import org.skillway.local.Tenants.Caller;

/**
 * Who may call what, for every endpoint of the three running services: each route of each service's
 * controller mappings has a row here with the status each of eight callers must get. Path variables
 * name A's resources, so the B-callers try another tenant's data. A new endpoint without a row
 * fails the test, and so does a row whose endpoint is gone.
 */
class AuthorisationMatrixIT {
  /** Column order of the table below. */
  private static final List<Caller> CALLERS = List.of(Caller.values());

  /**
   * The order cells run in: owners last, so an owner's own delete cannot change what the others
   * see.
   */
  private static final List<Caller> RUN_ORDER =
      List.of(
          ANONYMOUS,
          STUDENT_B,
          EMPLOYER_B,
          UNIVERSITY_B,
          OPERATOR,
          EMPLOYER_A,
          UNIVERSITY_A,
          STUDENT_A);

  private static final String EMPTY_JSON = "{}";

  private static ServiceSet services;
  private static Tenants tenants;

  @BeforeAll
  static void startPlatform() {
    services = Tenants.startPlatform();
    tenants = Tenants.create(services);
  }

  @AfterAll
  static void stopPlatform() {
    services.close();
  }

  /** One endpoint: how to call it, and the status each caller must get. */
  private static final class Row {
    final String service;
    final String method;
    final String pattern;
    final Map<Caller, Integer> expected = new EnumMap<>(Caller.class);
    String query = "";
    String contentType;
    Function<Tenants, String> body = t -> null;

    /** Path variables for one cell; by default A's resources, the same for every cell. */
    Function<Tenants, Map<String, String>> variables = AuthorisationMatrixIT::resourcesOfA;

    /** 0: runs first; 1: changes what later rows need; 2: deletes student A, runs last. */
    int phase;

    /** Students sign in anew for this row, so signing out or deleting spends a spare token. */
    boolean freshStudentSessions;

    /**
     * A web page: a caller's token rides in the session cookie, as a browser sends it (API keys
     * open no page), and a refusal is an HTML page, not a problem.
     */
    boolean page;

    Row(String service, String method, String pattern) {
      this.service = service;
      this.method = method;
      this.pattern = pattern;
    }

    /**
     * Expected statuses in column order: anonymous, students A/B, employers A/B, universities A/B,
     * operator.
     */
    Row expect(int... statuses) {
      if (statuses.length != CALLERS.size()) {
        throw new IllegalArgumentException(key() + ": " + statuses.length + " statuses");
      }
      for (int i = 0; i < statuses.length; i++) {
        expected.put(CALLERS.get(i), statuses[i]);
      }
      return this;
    }

    Row json(Function<Tenants, String> body) {
      this.contentType = "application/json";
      this.body = body;
      return this;
    }

    Row body(String contentType, Function<Tenants, String> body) {
      this.contentType = contentType;
      this.body = body;
      return this;
    }

    Row query(String query) {
      this.query = query;
      return this;
    }

    Row variables(Function<Tenants, Map<String, String>> variables) {
      this.variables = variables;
      return this;
    }

    Row phase(int phase) {
      this.phase = phase;
      return this;
    }

    Row page() {
      this.page = true;
      return this;
    }

    Row freshStudentSessions() {
      this.freshStudentSessions = true;
      return this;
    }

    String key() {
      return service + " " + method + " " + pattern;
    }
  }

  private static Row row(String service, String method, String pattern) {
    return new Row(service, method, pattern);
  }

  /**
   * The table. Statuses are in the column order of {@link Caller}: anonymous, student A, student B,
   * employer A, employer B, university A, university B, operator.
   */
  private static List<Row> table() {
    return List.of(
        // ---- ingest: the web app's pages. Signed-in pages send anyone but a person to sign in
        // (303);
        //      every form without its CSRF token is refused (403), whoever sends it ----
        row("ingest", "GET", "/").page().expect(200, 200, 200, 200, 200, 200, 200, 200),
        row("ingest", "GET", "/create-account")
            .page()
            .expect(200, 200, 200, 200, 200, 200, 200, 200),
        row("ingest", "GET", "/sign-in").page().expect(200, 200, 200, 200, 200, 200, 200, 200),
        row("ingest", "GET", "/claim").page().expect(200, 200, 200, 200, 200, 200, 200, 200),
        row("ingest", "GET", "/accessibility")
            .page()
            .expect(200, 200, 200, 200, 200, 200, 200, 200),
        row("ingest", "GET", "/privacy").page().expect(200, 200, 200, 200, 200, 200, 200, 200),
        row("ingest", "GET", "/account-deleted")
            .page()
            .expect(200, 200, 200, 200, 200, 200, 200, 200),
        row("ingest", "GET", "/create-account/details")
            .page()
            .query("?pathway=STUDENT")
            .expect(200, 200, 200, 200, 200, 200, 200, 200),
        row("ingest", "GET", "/skills/suggest")
            .page()
            .query("?q=pyth")
            .expect(200, 200, 200, 200, 200, 200, 200, 200),
        row("ingest", "GET", "/profile").page().expect(303, 200, 200, 303, 303, 303, 303, 303),
        row("ingest", "GET", "/profile/skills")
            .page()
            .expect(303, 200, 200, 303, 303, 303, 303, 303),
        row("ingest", "GET", "/profile/about")
            .page()
            .expect(303, 200, 200, 303, 303, 303, 303, 303),
        row("ingest", "GET", "/profile/notifications")
            .page()
            .expect(303, 200, 200, 303, 303, 303, 303, 303),
        row("ingest", "GET", "/matches").page().expect(303, 200, 200, 303, 303, 303, 303, 303),
        row("ingest", "GET", "/matches/{vacancyId}")
            .page()
            .expect(303, 200, 200, 303, 303, 303, 303, 303),
        row("ingest", "GET", "/notifications")
            .page()
            .expect(303, 200, 200, 303, 303, 303, 303, 303),
        row("ingest", "GET", "/notifications/live")
            .page()
            .expect(303, 200, 200, 303, 303, 303, 303, 303),
        row("ingest", "GET", "/your-data").page().expect(303, 200, 200, 303, 303, 303, 303, 303),
        row("ingest", "GET", "/your-data/download")
            .page()
            .expect(303, 200, 200, 303, 303, 303, 303, 303),
        row("ingest", "GET", "/your-data/delete")
            .page()
            .expect(303, 200, 200, 303, 303, 303, 303, 303),
        row("ingest", "POST", "/create-account")
            .page()
            .body("application/x-www-form-urlencoded", t -> "a=b")
            .expect(403, 403, 403, 403, 403, 403, 403, 403),
        row("ingest", "POST", "/create-account/details")
            .page()
            .body("application/x-www-form-urlencoded", t -> "a=b")
            .expect(403, 403, 403, 403, 403, 403, 403, 403),
        row("ingest", "POST", "/sign-in")
            .page()
            .body("application/x-www-form-urlencoded", t -> "a=b")
            .expect(403, 403, 403, 403, 403, 403, 403, 403),
        row("ingest", "POST", "/claim")
            .page()
            .body("application/x-www-form-urlencoded", t -> "a=b")
            .expect(403, 403, 403, 403, 403, 403, 403, 403),
        row("ingest", "POST", "/sign-out")
            .page()
            .body("application/x-www-form-urlencoded", t -> "a=b")
            .expect(403, 403, 403, 403, 403, 403, 403, 403),
        row("ingest", "POST", "/profile/skills")
            .page()
            .body("application/x-www-form-urlencoded", t -> "a=b")
            .expect(403, 403, 403, 403, 403, 403, 403, 403),
        row("ingest", "POST", "/profile/skills/remove")
            .page()
            .body("application/x-www-form-urlencoded", t -> "a=b")
            .expect(403, 403, 403, 403, 403, 403, 403, 403),
        row("ingest", "POST", "/profile/skills/confirm")
            .page()
            .body("application/x-www-form-urlencoded", t -> "a=b")
            .expect(403, 403, 403, 403, 403, 403, 403, 403),
        row("ingest", "POST", "/profile/about")
            .page()
            .body("application/x-www-form-urlencoded", t -> "a=b")
            .expect(403, 403, 403, 403, 403, 403, 403, 403),
        row("ingest", "POST", "/profile/notifications")
            .page()
            .body("application/x-www-form-urlencoded", t -> "a=b")
            .expect(403, 403, 403, 403, 403, 403, 403, 403),
        row("ingest", "POST", "/your-data/delete")
            .page()
            .body("application/x-www-form-urlencoded", t -> "a=b")
            .expect(403, 403, 403, 403, 403, 403, 403, 403),
        // ---- ingest: vacancies (an employer's own; another's is 403) ----
        row("ingest", "POST", "/api/v1/vacancies")
            .json(Tenants::vacancyBody)
            .expect(401, 403, 403, 201, 201, 403, 403, 403),
        row("ingest", "GET", "/api/v1/vacancies").expect(401, 403, 403, 200, 200, 403, 403, 403),
        row("ingest", "GET", "/api/v1/vacancies/{vacancyId}")
            .expect(401, 403, 403, 200, 403, 403, 403, 403),
        row("ingest", "PUT", "/api/v1/vacancies/{vacancyId}")
            .json(Tenants::vacancyBody)
            .expect(401, 403, 403, 200, 403, 403, 403, 403),
        row("ingest", "PATCH", "/api/v1/vacancies/{vacancyId}")
            .body("application/merge-patch+json", t -> "{\"positions\":2}")
            .expect(401, 403, 403, 200, 403, 403, 403, 403),
        row("ingest", "DELETE", "/api/v1/vacancies/{vacancyId}")
            .variables(t -> with(t, "vacancyId", t.freshVacancyOfEmployerA()))
            .expect(401, 403, 403, 204, 403, 403, 403, 403),
        // ---- ingest: a person's own profile (an operator reads, never changes) ----
        row("ingest", "GET", "/api/v1/profiles/{profileId}")
            .expect(401, 200, 403, 403, 403, 403, 403, 200),
        row("ingest", "PUT", "/api/v1/profiles/{profileId}")
            .json(Tenants::profileBody)
            .expect(401, 200, 403, 403, 403, 403, 403, 403),
        row("ingest", "DELETE", "/api/v1/profiles/{profileId}")
            .phase(2)
            .freshStudentSessions()
            .expect(401, 204, 403, 403, 403, 403, 403, 403),
        // ---- ingest: API keys ----
        row("ingest", "POST", "/api/v1/admin/api-keys")
            .json(t -> "{\"ownerId\":\"matrix-extra\",\"role\":\"EMPLOYER\",\"label\":\"m\"}")
            .expect(401, 403, 403, 403, 403, 403, 403, 201),
        row("ingest", "DELETE", "/api/v1/admin/api-keys/{keyId}")
            .variables(t -> with(t, "keyId", t.freshKeyOfEmployerA()))
            .expect(401, 403, 403, 403, 403, 403, 403, 204),
        row("ingest", "GET", "/api/v1/api-keys").expect(401, 403, 403, 200, 200, 200, 200, 403),
        row("ingest", "POST", "/api/v1/api-keys")
            .json(t -> "{\"label\":\"rotation\"}")
            .expect(401, 403, 403, 201, 201, 201, 201, 403),
        // Key ids are looked up among the caller's own keys: another's is "no such key of yours".
        row("ingest", "DELETE", "/api/v1/api-keys/{keyId}")
            .variables(t -> with(t, "keyId", t.freshKeyOfEmployerA()))
            .expect(401, 403, 403, 204, 404, 404, 404, 403),
        row("ingest", "POST", "/api/v1/tokens").expect(401, 403, 403, 200, 200, 200, 200, 200),
        // ---- ingest: an employer's or university's own organisation (its display name) ----
        row("ingest", "GET", "/api/v1/organisation").expect(401, 403, 403, 200, 200, 200, 200, 403),
        row("ingest", "PUT", "/api/v1/organisation")
            .json(t -> "{\"displayName\":\"Matrix Organisation\"}")
            .expect(401, 403, 403, 200, 200, 200, 200, 403),
        // ---- ingest: open endpoints (an empty body is a 400 for anyone, never a 401) ----
        row("ingest", "POST", "/api/v1/accounts")
            .json(t -> EMPTY_JSON)
            .expect(400, 400, 400, 400, 400, 400, 400, 400),
        row("ingest", "POST", "/api/v1/account-claims")
            .json(t -> EMPTY_JSON)
            .expect(400, 400, 400, 400, 400, 400, 400, 400),
        row("ingest", "POST", "/api/v1/sessions")
            .json(t -> EMPTY_JSON)
            .expect(400, 400, 400, 400, 400, 400, 400, 400),
        row("ingest", "DELETE", "/api/v1/sessions/current")
            .phase(1)
            .freshStudentSessions()
            .expect(401, 204, 204, 403, 403, 403, 403, 403),
        // ---- ingest: cohorts (a university's own; cohort ids are the university's own names, so
        // B's upload to the same name is B's own cohort, and A's upload or student is not found)
        // ----
        row("ingest", "POST", "/api/v1/cohorts/{cohortId}/students")
            .body("text/csv", Tenants::cohortCsv)
            .expect(401, 403, 403, 403, 403, 201, 201, 403),
        row("ingest", "POST", "/api/v1/cohorts/{cohortId}/students/{studentRef}/invitations")
            .expect(401, 403, 403, 403, 403, 202, 404, 403),
        row("ingest", "GET", "/api/v1/cohorts/{cohortId}/uploads")
            .expect(401, 403, 403, 403, 403, 200, 200, 403),
        row("ingest", "GET", "/api/v1/cohorts/{cohortId}/uploads/{uploadId}")
            .expect(401, 403, 403, 403, 403, 200, 404, 403),
        row("ingest", "GET", "/api/v1/me/export").expect(401, 200, 200, 200, 200, 200, 200, 200),
        // ESCO occupations and their skills: reference data for anyone signed in
        row("ingest", "GET", "/api/v1/occupations")
            .query("?q=head%20chef&limit=3")
            .expect(401, 200, 200, 200, 200, 200, 200, 200),
        row("ingest", "GET", "/api/v1/occupations/{scheme}/{code}")
            .variables(
                t -> Map.of("scheme", "occupation", "code", "01484951-15e6-4b88-a20f-1201868d36a0"))
            .expect(401, 200, 200, 200, 200, 200, 200, 200),
        // ---- matching ----
        row("matching", "GET", "/api/v1/profiles/{profileId}/matches")
            .expect(401, 200, 403, 403, 403, 403, 403, 200),
        // Another employer's vacancy is answered as if it did not exist (404), so vacancy ids
        // cannot be probed; people and universities are refused by role (403).
        row("matching", "GET", "/api/v1/vacancies/{vacancyId}/matches")
            .expect(401, 403, 403, 200, 404, 403, 403, 200),
        row("matching", "GET", "/api/v1/skills")
            .query("?q=python&limit=3")
            .expect(401, 200, 200, 200, 200, 200, 200, 200),
        row("matching", "GET", "/api/v1/skills/{scheme}/{code}")
            .expect(401, 200, 200, 200, 200, 200, 200, 200),
        row("matching", "GET", "/api/v1/me/export").expect(401, 200, 200, 200, 200, 200, 200, 200),
        // ---- notification: an employer's own webhook (an operator reads, never changes) ----
        row("notification", "PUT", "/api/v1/employers/{employerId}/webhook")
            .json(Tenants::webhookBody)
            .expect(401, 403, 403, 200, 403, 403, 403, 403),
        row("notification", "GET", "/api/v1/employers/{employerId}/webhook")
            .expect(401, 403, 403, 200, 403, 403, 403, 200),
        row("notification", "DELETE", "/api/v1/employers/{employerId}/webhook")
            .phase(1)
            .expect(401, 403, 403, 204, 403, 403, 403, 403),
        // ---- notification: a person's own notifications and preferences ----
        row("notification", "GET", "/api/v1/profiles/{profileId}/notifications")
            .expect(401, 200, 403, 403, 403, 403, 403, 200),
        row("notification", "PATCH", "/api/v1/profiles/{profileId}/notifications/{notificationId}")
            .json(t -> "{\"read\":true}")
            .expect(401, 204, 403, 403, 403, 403, 403, 403),
        row("notification", "GET", "/api/v1/profiles/{profileId}/preferences")
            .expect(401, 200, 403, 403, 403, 403, 403, 200),
        row("notification", "PUT", "/api/v1/profiles/{profileId}/preferences")
            .json(Tenants::preferencesBody)
            .expect(401, 200, 403, 403, 403, 403, 403, 403),
        row("notification", "GET", "/api/v1/me/notifications/stream")
            .expect(401, 200, 200, 200, 200, 200, 200, 200),
        // ---- notification: the unsubscribe link carries its own token (a bad one is a 400) ----
        row("notification", "GET", "/api/v1/unsubscribe")
            .query("?token=not-a-valid-token")
            .expect(400, 400, 400, 400, 400, 400, 400, 400),
        row("notification", "POST", "/api/v1/unsubscribe")
            .query("?token=not-a-valid-token")
            .expect(400, 400, 400, 400, 400, 400, 400, 400),
        row("notification", "GET", "/api/v1/me/export")
            .expect(401, 200, 200, 200, 200, 200, 200, 200));
  }

  private static Map<String, String> resourcesOfA(Tenants t) {
    Map<String, String> v = new LinkedHashMap<>();
    v.put("profileId", t.ids.get(STUDENT_A));
    v.put("vacancyId", t.vacancyId);
    v.put("employerId", t.ids.get(EMPLOYER_A));
    v.put("cohortId", t.cohortId);
    v.put("uploadId", t.uploadId);
    v.put("studentRef", t.studentRef);
    v.put("notificationId", t.notificationId);
    v.put("scheme", "skill");
    v.put("code", "ccd0a1d9-afda-43d9-b901-96344886e14d");
    return v;
  }

  private static Map<String, String> with(Tenants t, String name, String value) {
    Map<String, String> v = resourcesOfA(t);
    v.put(name, value);
    return v;
  }

  private record Cell(Row row, Caller caller, int status, String contentType, String body) {}

  @Test
  void everyEndpointAnswersEachCallerAsTheAccessRulesSay() {
    // Given every endpoint the services have, and the table's rows
    List<Route> routes = RouteTable.of(services);
    List<Row> rows = table();
    List<String> failures = new ArrayList<>();
    Set<String> routeKeys = routes.stream().map(Route::key).collect(Collectors.toSet());
    Set<String> rowKeys = new LinkedHashSet<>();
    for (Row row : rows) {
      if (!rowKeys.add(row.key())) {
        failures.add("two rows for " + row.key());
      }
    }
    for (Route route : routes) {
      if (!rowKeys.contains(route.key())) {
        failures.add("no row for the endpoint " + route.key() + ": add one to the table");
      }
    }
    for (String key : rowKeys) {
      if (!routeKeys.contains(key)) {
        failures.add("a row for " + key + ", which no service answers any more: remove it");
      }
    }

    // When each caller calls each endpoint (owners last, deletions of what others need at the end)
    Map<Row, Map<Caller, Cell>> results = new LinkedHashMap<>();
    rows.stream()
        .filter(row -> routeKeys.contains(row.key()))
        .sorted(Comparator.comparingInt(row -> row.phase))
        .forEach(
            row -> {
              Map<Caller, Cell> cells = new EnumMap<>(Caller.class);
              for (Caller caller : RUN_ORDER) {
                cells.put(caller, call(row, caller));
              }
              results.put(row, cells);
            });

    // Then every cell is as the table says, and every refusal is a problem
    // What no other tenant may see. An employer does see student A's (opaque) profile id, in the
    // name-blind matches of their own vacancy, so that one is a secret only from the others.
    Set<String> secretsOfA = Set.of(tenants.vacancyId, tenants.uploadId, tenants.notificationId);
    for (Row row : rows) {
      Map<Caller, Cell> cells = results.get(row);
      if (cells == null) {
        continue;
      }
      for (Caller caller : CALLERS) {
        Cell cell = cells.get(caller);
        int expected = row.expected.get(caller);
        if (cell.status() != expected) {
          failures.add(
              row.key()
                  + " as "
                  + caller
                  + ": expected "
                  + expected
                  + " but got "
                  + cell.status()
                  + " "
                  + shorten(cell.body()));
        } else if (cell.status() >= 400
            && !cell.contentType()
                .startsWith(row.page ? "text/html" : "application/problem+json")) {
          failures.add(
              row.key()
                  + " as "
                  + caller
                  + ": "
                  + cell.status()
                  + " is not a problem ("
                  + cell.contentType()
                  + ") "
                  + shorten(cell.body()));
        }
        if (isOtherTenant(caller) && cell.status() < 300) {
          Set<String> secrets = new LinkedHashSet<>(secretsOfA);
          if (caller != EMPLOYER_B) {
            secrets.add(tenants.ids.get(STUDENT_A));
          }
          for (String secret : secrets) {
            if (cell.body().contains(secret)) {
              failures.add(row.key() + " as " + caller + ": the answer shows A's " + secret);
            }
          }
        }
      }
    }
    System.out.println(matrix(rows, results));
    System.out.println(
        "authorisation matrix: "
            + results.size()
            + " rows x "
            + CALLERS.size()
            + " callers = "
            + results.size() * CALLERS.size()
            + " cells, "
            + failures.size()
            + " failures");
    assertThat(failures).as("authorisation matrix failures").isEmpty();
  }

  @Test
  void theApiDescriptionIsOpenToAnyone() {
    RawHttp.Response description =
        tenants.http.send(services.ingestPort(), "GET", "/v3/api-docs", Map.of());
    assertThat(description.status()).isEqualTo(200);
    assertThat(description.body()).contains("\"openapi\"");
  }

  private static boolean isOtherTenant(Caller caller) {
    return caller == STUDENT_B || caller == EMPLOYER_B || caller == UNIVERSITY_B;
  }

  private static Cell call(Row row, Caller caller) {
    Map<String, String> variables = row.variables.apply(tenants);
    String path =
        new Route(row.service, row.method, row.pattern)
                .expand(name -> URLEncoder.encode(variables.get(name), UTF_8).replace("+", "%20"))
            + row.query;
    Map<String, String> headers = tenants.credentials(caller, row.service);
    if (row.freshStudentSessions && caller.isStudent()) {
      headers.put("Authorization", "Bearer " + tenants.signIn(caller));
    }
    if (row.page) {
      String bearer = headers.remove("Authorization");
      if (bearer != null) {
        headers.put("Cookie", "skillway_session=" + bearer.substring("Bearer ".length()));
      }
    }
    String body = row.body.apply(tenants);
    if (row.contentType != null) {
      headers.put("Content-Type", row.contentType);
    }
    RawHttp.Response response =
        tenants.http.send(
            tenants.port(row.service),
            row.method,
            path,
            headers,
            body == null ? null : body.getBytes(UTF_8));
    return new Cell(row, caller, response.status(), response.contentType(), response.body());
  }

  private static String matrix(List<Row> rows, Map<Row, Map<Caller, Cell>> results) {
    int width = rows.stream().mapToInt(r -> r.key().length()).max().orElse(10);
    StringBuilder out = new StringBuilder("\n");
    out.append(String.format("%-" + width + "s", "endpoint \\ caller"));
    for (Caller caller : CALLERS) {
      out.append(String.format(" %12s", caller.name().toLowerCase()));
    }
    out.append('\n');
    for (Row row : rows) {
      Map<Caller, Cell> cells = results.get(row);
      if (cells == null) {
        continue;
      }
      out.append(String.format("%-" + width + "s", row.key()));
      for (Caller caller : CALLERS) {
        int actual = cells.get(caller).status();
        int expected = row.expected.get(caller);
        out.append(
            String.format(
                " %12s",
                actual == expected ? String.valueOf(actual) : actual + "(want " + expected + ")"));
      }
      out.append('\n');
    }
    return out.toString();
  }

  private static String shorten(String body) {
    String flat = body.replaceAll("\\s+", " ");
    return flat.length() > 300 ? flat.substring(0, 300) + "…" : flat;
  }
}
