package org.skillway.ingest.vacancy;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.ConstraintViolation;
import jakarta.validation.Valid;
import jakarta.validation.Validator;
import java.net.URI;
import java.time.Instant;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import org.skillway.events.VacancyStatus;
import org.skillway.ingest.apikey.ApiClients;
import org.skillway.ingest.input.StrictJson;
import org.skillway.ingest.input.TextRules;
import org.skillway.ingest.skill.Problems;
import org.skillway.ingest.skill.SkillCatalogue;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PatchMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.JsonNode;
import tools.jackson.databind.json.JsonMapper;
import tools.jackson.databind.node.ObjectNode;

/**
 * An employer's own vacancies: post, list, read, replace, change in part, delete, with the
 * employer's API key or the bearer token it was exchanged for. Every change is answered once Kafka
 * holds its event. Another employer's vacancy is answered with 403.
 */
@RestController
@RequestMapping("/api/v1/vacancies")
class VacancyController {
  private static final int MAX_PAGE_SIZE = 100;

  private final Vacancies vacancies;
  private final VacancyChecks checks;
  private final IdempotencyKeys idempotencyKeys;
  private final JsonMapper json;
  private final Validator validator;
  private final SkillCatalogue catalogue;

  VacancyController(
      Vacancies vacancies,
      VacancyChecks checks,
      IdempotencyKeys idempotencyKeys,
      JsonMapper json,
      Validator validator,
      SkillCatalogue catalogue) {
    this.catalogue = catalogue;
    this.vacancies = vacancies;
    this.checks = checks;
    this.idempotencyKeys = idempotencyKeys;
    this.json = json;
    this.validator = validator;
  }

  /**
   * @param version rises by one with each change
   * @param vacancy as stored: skills and occupation under their ESCO ids
   * @param suggestedSkills the skills ESCO calls essential for the vacancy's occupation that it
   *     lists neither as required nor as nice to have: a suggestion for the employer to consider,
   *     never added to the vacancy by itself; empty without an occupation
   */
  record VacancyView(
      String vacancyId,
      String employerId,
      long version,
      VacancyStatus status,
      Vacancy vacancy,
      Instant updatedAt,
      List<FieldError.Suggestion> suggestedSkills) {}

  private VacancyView view(StoredVacancy stored) {
    Vacancy vacancy = stored.vacancy();
    return new VacancyView(
        stored.id(),
        stored.employerId(),
        stored.version(),
        stored.status(),
        vacancy,
        stored.updatedAt(),
        catalogue.essentialSkillsLeftOut(vacancy.occupation(), vacancy.skillIds()));
  }

  record VacancyPage(int page, int size, long total, List<VacancyView> items) {}

  /**
   * Posts a vacancy. With an {@code Idempotency-Key}, a retry of the same request answers with the
   * same vacancy instead of posting a second one.
   */
  @PostMapping
  Mono<ResponseEntity<VacancyView>> post(
      Authentication caller,
      @RequestHeader(name = IdempotencyKeys.HEADER, required = false) String idempotencyKey,
      @Valid @RequestBody VacancyRequest request) {
    String employer = ApiClients.of(caller).ownerId();
    Vacancy checked = checks.check(request);
    Mono<String> id =
        idempotencyKey == null
            ? Mono.just(java.util.UUID.randomUUID().toString())
            : idempotencyKeys.resourceFor(
                employer, idempotencyKey, json.writeValueAsString(checked));
    return id.flatMap(vacancyId -> vacancies.create(vacancyId, employer, checked))
        .map(
            stored ->
                ResponseEntity.created(URI.create("/api/v1/vacancies/" + stored.id()))
                    .body(view(stored)));
  }

  @GetMapping
  Mono<VacancyPage> list(
      Authentication caller,
      @RequestParam(defaultValue = "0")
          @Parameter(
              schema =
                  @Schema(type = "integer", format = "int32", minimum = "0", defaultValue = "0"))
          int page,
      @RequestParam(defaultValue = "20")
          @Parameter(
              schema =
                  @Schema(
                      type = "integer",
                      format = "int32",
                      minimum = "1",
                      maximum = "100",
                      defaultValue = "20"))
          int size) {
    List<FieldError> errors = new java.util.ArrayList<>();
    if (page < 0) {
      errors.add(new FieldError("page", "must be 0 or more"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      errors.add(new FieldError("size", "must be 1 to " + MAX_PAGE_SIZE));
    }
    Problems.refuseIfAny(errors);
    String employer = ApiClients.of(caller).ownerId();
    return Mono.zip(
        vacancies.countOf(employer),
        vacancies.of(employer, page, size).map(this::view).collectList(),
        (total, items) -> new VacancyPage(page, size, total, items));
  }

  @GetMapping("/{vacancyId}")
  Mono<VacancyView> read(
      Authentication caller,
      @PathVariable @Parameter(schema = @Schema(pattern = TextRules.ID_PATTERN)) String vacancyId) {
    return vacancies.ownedBy(checkedId(vacancyId), employerOf(caller)).map(this::view);
  }

  /** Replaces the whole vacancy, keeping its status. */
  @PutMapping("/{vacancyId}")
  Mono<VacancyView> replace(
      Authentication caller,
      @PathVariable @Parameter(schema = @Schema(pattern = TextRules.ID_PATTERN)) String vacancyId,
      @Valid @RequestBody VacancyRequest request) {
    checkedId(vacancyId);
    Vacancy checked = checks.check(request);
    return vacancies
        .ownedBy(vacancyId, employerOf(caller))
        .flatMap(current -> vacancies.replace(current, checked, current.status()))
        .map(this::view);
  }

  /**
   * Changes part of a vacancy (JSON Merge Patch, RFC 7396: the fields sent replace those stored;
   * {@code null} removes an optional one). {@code "status": "CLOSED"} closes it early and withdraws
   * its matches; {@code "OPEN"} reopens it. The result is read strictly (a field a vacancy does not
   * have, a wrong type or a number out of range is a 400 naming the field) and checked like a new
   * vacancy.
   */
  @PatchMapping(
      path = "/{vacancyId}",
      consumes = {"application/merge-patch+json", "application/json"})
  Mono<VacancyView> patch(
      Authentication caller,
      @PathVariable @Parameter(schema = @Schema(pattern = TextRules.ID_PATTERN)) String vacancyId,
      @RequestBody JsonNode patch) {
    checkedId(vacancyId);
    if (patch == null || !patch.isObject()) {
      throw ApiProblemException.invalid("body", "must be a JSON object of the fields to change");
    }
    return vacancies
        .ownedBy(vacancyId, employerOf(caller))
        .flatMap(
            current -> {
              ObjectNode changes = ((ObjectNode) patch).deepCopy();
              VacancyStatus status = status(changes.remove("status"), current.status());
              ObjectNode merged = json.valueToTree(current.vacancy());
              merge(merged, changes);
              VacancyRequest request = StrictJson.convert(json, merged, VacancyRequest.class);
              validate(request);
              return vacancies.replace(current, checks.check(request), status);
            })
        .map(this::view);
  }

  /** Deletes the vacancy: it is published as closed (its matches are withdrawn), then forgotten. */
  @DeleteMapping("/{vacancyId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> delete(
      Authentication caller,
      @PathVariable @Parameter(schema = @Schema(pattern = TextRules.ID_PATTERN)) String vacancyId) {
    return vacancies.ownedBy(checkedId(vacancyId), employerOf(caller)).flatMap(vacancies::delete);
  }

  private static String checkedId(String vacancyId) {
    Problems.refuseIfAny(TextRules.check().identifier("vacancyId", vacancyId).errors());
    return vacancyId;
  }

  private static String employerOf(Authentication caller) {
    return ApiClients.of(caller).ownerId();
  }

  private static VacancyStatus status(JsonNode value, VacancyStatus current) {
    if (value == null) {
      return current;
    }
    if (!value.isString()) {
      throw ApiProblemException.invalid("status", "must be one of [OPEN, CLOSED]");
    }
    try {
      return VacancyStatus.valueOf(value.asString());
    } catch (IllegalArgumentException e) {
      throw ApiProblemException.invalid("status", "must be one of [OPEN, CLOSED]");
    }
  }

  private static void merge(ObjectNode target, ObjectNode patch) {
    for (Map.Entry<String, JsonNode> field : patch.properties()) {
      JsonNode value = field.getValue();
      JsonNode existing = target.get(field.getKey());
      if (value.isNull()) {
        target.remove(field.getKey());
      } else if (value.isObject() && existing != null && existing.isObject()) {
        merge((ObjectNode) existing, (ObjectNode) value);
      } else {
        target.set(field.getKey(), value);
      }
    }
  }

  private void validate(VacancyRequest request) {
    List<FieldError> errors =
        validator.validate(request).stream()
            .map(VacancyController::fieldError)
            .sorted(Comparator.comparing(FieldError::field))
            .toList();
    if (!errors.isEmpty()) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid request", errors);
    }
  }

  private static FieldError fieldError(ConstraintViolation<VacancyRequest> violation) {
    return new FieldError(violation.getPropertyPath().toString(), violation.getMessage());
  }
}
