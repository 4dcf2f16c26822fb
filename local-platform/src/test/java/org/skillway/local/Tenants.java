package org.skillway.local;

import static java.nio.charset.StandardCharsets.UTF_8;
import static org.awaitility.Awaitility.await;

import java.time.Duration;
import java.time.LocalDate;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;

/**
 * Two of each kind of caller (A and B) plus an operator, and resources owned by the A's: student
 * A's profile and a real notification of theirs, employer A's vacancy and webhook, university A's
 * cohort, upload and student. A test fills path variables with A's resources, so every B-caller
 * tries another tenant's data. Students call with bearer tokens everywhere; employers, universities
 * and the operator with API keys on ingest and with the bearer tokens those keys buy elsewhere.
 */
final class Tenants {
  enum Caller {
    ANONYMOUS,
    STUDENT_A,
    STUDENT_B,
    EMPLOYER_A,
    EMPLOYER_B,
    UNIVERSITY_A,
    UNIVERSITY_B,
    OPERATOR;

    boolean isStudent() {
      return this == STUDENT_A || this == STUDENT_B;
    }
  }

  static final String PASSWORD = "correct horse battery staple";
  static final String DEMO_EMPLOYER = "demo-employer";
  static final String DEMO_UNIVERSITY = "demo-university";
  static final String DEMO_OPERATOR_KEY = "demo-operator-key-skillway-local";

  final ServiceSet services;
  final RawHttp http = new RawHttp();
  final JsonMapper json = JsonMapper.builder().build();
  private final String run = UUID.randomUUID().toString().substring(0, 8);

  final Map<Caller, String> ids = new EnumMap<>(Caller.class);
  final Map<Caller, String> apiKeys = new EnumMap<>(Caller.class);
  final Map<Caller, String> tokens = new EnumMap<>(Caller.class);
  final Map<Caller, String> emails = new EnumMap<>(Caller.class);

  String vacancyId;
  String cohortId;
  String uploadId;
  String studentRef;
  String notificationId;

  private Tenants(ServiceSet services) {
    this.services = services;
  }

  /** The three services in local mode, as {@code run-local.sh} starts them. */
  /**
   * Employer A's webhook points at a receiver on this machine, which local mode refuses unless told
   * otherwise (SKILLWAY_LOCAL_PRIVATE_WEBHOOKS=true, as here).
   */
  static ServiceSet startPlatform() {
    return TestPlatform.start("--skillway.notification.allow-private-webhook-addresses=true");
  }

  static Tenants create(ServiceSet services) {
    Tenants t = new Tenants(services);
    t.setUp();
    return t;
  }

  private void setUp() {
    ids.put(Caller.EMPLOYER_A, DEMO_EMPLOYER);
    apiKeys.put(Caller.EMPLOYER_A, "demo-employer-key-northwest-digital");
    ids.put(Caller.UNIVERSITY_A, DEMO_UNIVERSITY);
    apiKeys.put(Caller.UNIVERSITY_A, "demo-university-key-northwest-uni");
    ids.put(Caller.OPERATOR, "demo-operator");
    apiKeys.put(Caller.OPERATOR, DEMO_OPERATOR_KEY);
    issueKey(Caller.EMPLOYER_B, "employer-b-" + run, "EMPLOYER");
    issueKey(Caller.UNIVERSITY_B, "university-b-" + run, "UNIVERSITY");
    for (Caller c :
        List.of(
            Caller.EMPLOYER_A,
            Caller.EMPLOYER_B,
            Caller.UNIVERSITY_A,
            Caller.UNIVERSITY_B,
            Caller.OPERATOR)) {
      tokens.put(c, tokenFor(apiKeys.get(c)));
    }
    register(Caller.STUDENT_A, List.of(skill("python", 3), skill("Cyber security", 2)));
    register(Caller.STUDENT_B, List.of(skill("artistic and creative writing", 4)));

    vacancyId =
        field(
            expect(201, ingest("POST", "/api/v1/vacancies", Caller.EMPLOYER_A, vacancyBody())),
            "vacancyId");
    expect(
        200,
        send(
            "notification",
            "PUT",
            "/api/v1/employers/" + DEMO_EMPLOYER + "/webhook",
            Caller.EMPLOYER_A,
            "application/json",
            webhookBody()));

    cohortId = "matrix-" + run;
    studentRef = "ref-" + run;
    uploadId =
        field(
            expect(
                201,
                send(
                    "ingest",
                    "POST",
                    "/api/v1/cohorts/" + cohortId + "/students",
                    Caller.UNIVERSITY_A,
                    "text/csv",
                    cohortCsv())),
            "uploadId");

    // The vacancy needs student A's skills, so matching finds them and notification tells them.
    await()
        .atMost(Duration.ofSeconds(60))
        .until(
            () -> {
              JsonNode page =
                  json.readTree(
                      send(
                              "notification",
                              "GET",
                              "/api/v1/profiles/" + ids.get(Caller.STUDENT_A) + "/notifications",
                              Caller.STUDENT_A,
                              null,
                              null)
                          .body());
              JsonNode items = page.path("items");
              if (items.isArray() && !items.isEmpty()) {
                notificationId = items.get(0).get("id").asString();
                return true;
              }
              return false;
            });
  }

  // ---- bodies an owner would send -------------------------------------------------------------

  String vacancyBody() {
    return json.writeValueAsString(
        Map.of(
            "title",
            "Cyber security placement",
            "kind",
            "PLACEMENT",
            "requiredSkills",
            List.of(skill("cyber security", 2), skill("Python", 2)),
            "outcode",
            "LA1",
            "closingDate",
            LocalDate.now().plusMonths(2).toString(),
            "sector",
            "Digital: cyber security"));
  }

  String profileBody(List<Map<String, Object>> skills) {
    return json.writeValueAsString(profile(skills));
  }

  String profileBody() {
    return profileBody(List.of(skill("python", 3), skill("Cyber security", 2)));
  }

  String webhookBody() {
    // Local mode allows a plain-http receiver on this machine; nothing listens on port 9, and the
    // threshold keeps deliveries rare.
    return "{\"url\":\"http://127.0.0.1:9/skillway\",\"threshold\":99}";
  }

  String preferencesBody() {
    return "{\"channels\":[\"IN_APP\"],\"frequency\":\"INSTANT\",\"minimumScore\":10}";
  }

  String cohortCsv() {
    return "studentRef,email,stage,outcode,skills,course,consentToMatch\n"
        + studentRef
        + ",cohort-"
        + run
        + "@students.example.ac.uk,UNDERGRADUATE,PR1,Python:3;SQL:2,BSc Computing,true\n";
  }

  private static Map<String, Object> profile(List<Map<String, Object>> skills) {
    return Map.of(
        "pathway",
        "STUDENT",
        "student",
        Map.of("stage", "UNDERGRADUATE"),
        "skills",
        skills,
        "outcode",
        "LA2",
        "consentToMatch",
        true);
  }

  static Map<String, Object> skill(String id, int level) {
    return Map.of("skillId", id, "level", level);
  }

  // ---- credentials ----------------------------------------------------------------------------

  int port(String service) {
    return switch (service) {
      case "ingest" -> services.ingestPort();
      case "matching" -> services.matchingPort();
      case "notification" -> services.notificationPort();
      default -> throw new IllegalArgumentException(service);
    };
  }

  /** How {@code caller} proves who they are to {@code service}. */
  Map<String, String> credentials(Caller caller, String service) {
    Map<String, String> headers = new LinkedHashMap<>();
    if (caller == Caller.ANONYMOUS) {
      return headers;
    }
    if (service.equals("ingest") && !caller.isStudent()) {
      headers.put("X-API-Key", apiKeys.get(caller));
    } else {
      headers.put("Authorization", "Bearer " + tokens.get(caller));
    }
    return headers;
  }

  /** A new sign-in of a student: a token of their own to sign out or delete with. */
  String signIn(Caller student) {
    String body =
        json.writeValueAsString(Map.of("email", emails.get(student), "password", PASSWORD));
    return field(
        expect(200, send("ingest", "POST", "/api/v1/sessions", null, "application/json", body)),
        "accessToken");
  }

  /** A new API key of employer A, for a revocation that must not lose the demo key. */
  String freshKeyOfEmployerA() {
    return field(
        expect(
            201,
            send(
                "ingest",
                "POST",
                "/api/v1/api-keys",
                Caller.EMPLOYER_A,
                "application/json",
                "{\"label\":\"to revoke\"}")),
        "keyId");
  }

  String freshVacancyOfEmployerA() {
    return field(
        expect(201, ingest("POST", "/api/v1/vacancies", Caller.EMPLOYER_A, vacancyBody())),
        "vacancyId");
  }

  private void issueKey(Caller caller, String ownerId, String role) {
    String body =
        json.writeValueAsString(Map.of("ownerId", ownerId, "role", role, "label", "matrix"));
    RawHttp.Response issued =
        expect(
            201,
            send(
                "ingest",
                "POST",
                "/api/v1/admin/api-keys",
                Caller.OPERATOR,
                "application/json",
                body));
    ids.put(caller, ownerId);
    apiKeys.put(caller, field(issued, "apiKey"));
  }

  private String tokenFor(String apiKey) {
    return field(
        expect(
            200,
            http.send(
                services.ingestPort(), "POST", "/api/v1/tokens", Map.of("X-API-Key", apiKey))),
        "accessToken");
  }

  private void register(Caller student, List<Map<String, Object>> skills) {
    String email = student.name().toLowerCase() + "-" + run + "@example.org";
    String body =
        json.writeValueAsString(
            Map.of("email", email, "password", PASSWORD, "profile", profile(skills)));
    RawHttp.Response registered =
        expect(201, send("ingest", "POST", "/api/v1/accounts", null, "application/json", body));
    ids.put(student, field(registered, "profileId"));
    tokens.put(student, field(registered, "accessToken"));
    emails.put(student, email);
  }

  private RawHttp.Response ingest(String method, String path, Caller caller, String body) {
    return send("ingest", method, path, caller, "application/json", body);
  }

  RawHttp.Response send(
      String service, String method, String path, Caller caller, String contentType, String body) {
    Map<String, String> headers =
        caller == null ? new LinkedHashMap<>() : credentials(caller, service);
    if (contentType != null) {
      headers.put("Content-Type", contentType);
    }
    return http.send(
        port(service), method, path, headers, body == null ? null : body.getBytes(UTF_8));
  }

  private static RawHttp.Response expect(int status, RawHttp.Response response) {
    if (response.status() != status) {
      throw new AssertionError(
          "setting up: expected "
              + status
              + " but got "
              + response.status()
              + ": "
              + response.body());
    }
    return response;
  }

  private String field(RawHttp.Response response, String name) {
    JsonNode value = json.readTree(response.body()).get(name);
    if (value == null) {
      throw new AssertionError("setting up: no " + name + " in " + response.body());
    }
    return value.asString();
  }
}
