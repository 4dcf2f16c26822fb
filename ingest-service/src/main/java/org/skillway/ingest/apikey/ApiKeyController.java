package org.skillway.ingest.apikey;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.skillway.ingest.input.StrictJson;
import org.skillway.ingest.input.TextRules;
import org.skillway.ingest.skill.Problems;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
import org.skillway.support.Role;
import org.springframework.http.HttpStatus;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.DeleteMapping;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.ResponseStatus;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * API keys. An operator makes the first key of an employer or university; the owner can then list
 * their keys, make another (to rotate without downtime) and revoke any of theirs. A key is shown
 * once, when it is made. Requests are read strictly: a request that is malformed in any way is a
 * 400 and issues nothing.
 */
@RestController
class ApiKeyController {
  private static final int MAX_LABEL_LENGTH = 100;

  private final ApiKeyStore store;
  private final JsonMapper json;

  ApiKeyController(ApiKeyStore store, JsonMapper json) {
    this.store = store;
    this.json = json;
  }

  /**
   * The annotations describe the request in the OpenAPI document; {@link #checked} applies them.
   *
   * @param ownerId the employer or university id the key acts for
   * @param role {@code EMPLOYER} or {@code UNIVERSITY}
   */
  record NewKey(
      @NotBlank @Size(max = TextRules.ID_LENGTH) @Pattern(regexp = TextRules.ID_PATTERN)
          String ownerId,
      @NotNull Role role,
      @Size(max = MAX_LABEL_LENGTH) String label) {}

  record OwnKey(@Size(max = MAX_LABEL_LENGTH) String label) {}

  /**
   * @param apiKey the key itself: shown this once only
   */
  record IssuedKey(
      String keyId, String apiKey, String ownerId, Role role, String label, Instant createdAt) {
    static IssuedKey of(ApiKeyStore.Issued issued) {
      ApiKey key = issued.key();
      return new IssuedKey(
          key.keyId(), issued.plainKey(), key.ownerId(), key.role(), key.label(), key.createdAt());
    }
  }

  record KeyView(String keyId, Role role, String label, Instant createdAt, boolean revoked) {
    static KeyView of(ApiKey key) {
      return new KeyView(key.keyId(), key.role(), key.label(), key.createdAt(), key.revoked());
    }
  }

  record KeyList(String ownerId, List<KeyView> keys) {}

  @PostMapping("/api/v1/admin/api-keys")
  Mono<ResponseEntity<IssuedKey>> issueForOwner(
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = "application/json",
                      schema = @Schema(implementation = NewKey.class)))
          @RequestBody(required = false)
          String body) {
    NewKey request = checked(StrictJson.read(json, body, NewKey.class));
    return store
        .issue(request.ownerId(), request.role(), request.label())
        .map(IssuedKey::of)
        .map(
            key -> ResponseEntity.created(URI.create("/api/v1/api-keys/" + key.keyId())).body(key));
  }

  @DeleteMapping("/api/v1/admin/api-keys/{keyId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> revokeAny(
      @PathVariable @Parameter(schema = @Schema(pattern = TextRules.ID_PATTERN)) String keyId) {
    return store.revoke(checkedKeyId(keyId), null).flatMap(ApiKeyController::foundOrNot);
  }

  @GetMapping("/api/v1/api-keys")
  Mono<KeyList> list(Authentication caller) {
    String owner = ApiClients.of(caller).ownerId();
    return store.of(owner).map(KeyView::of).collectList().map(keys -> new KeyList(owner, keys));
  }

  /**
   * Makes the caller another key. Only with a key: a bearer token lasts minutes, and one that could
   * make a key would outlive itself (and the revocation of the key it came from).
   */
  @PostMapping("/api/v1/api-keys")
  Mono<ResponseEntity<IssuedKey>> issueOwn(
      Authentication caller,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              content =
                  @Content(
                      mediaType = "application/json",
                      schema = @Schema(implementation = OwnKey.class)))
          @RequestBody(required = false)
          String body) {
    if (!ApiClients.byApiKey(caller)) {
      throw new ApiProblemException(
          HttpStatus.FORBIDDEN,
          "A new key is made with one of your keys, not a bearer token.",
          List.of(
              new FieldError(
                  "X-API-Key",
                  "is required: a new key is made with one of your keys, not a bearer token")));
    }
    OwnKey request = StrictJson.read(json, body, OwnKey.class);
    String label = request == null ? null : request.label();
    Problems.refuseIfAny(labelProblems(label));
    ApiClient owner = ApiClients.of(caller);
    return store
        .issue(owner.ownerId(), owner.role(), label)
        .map(IssuedKey::of)
        .map(
            key -> ResponseEntity.created(URI.create("/api/v1/api-keys/" + key.keyId())).body(key));
  }

  /** Revokes one of the caller's own keys; it stops working at once. */
  @DeleteMapping("/api/v1/api-keys/{keyId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> revokeOwn(
      Authentication caller,
      @PathVariable @Parameter(schema = @Schema(pattern = TextRules.ID_PATTERN)) String keyId) {
    return store
        .revoke(checkedKeyId(keyId), ApiClients.of(caller).ownerId())
        .flatMap(ApiKeyController::foundOrNot);
  }

  /** The operator's request, if every field is right; a 400 naming each one that is not. */
  private static NewKey checked(NewKey request) {
    if (request == null) {
      throw ApiProblemException.invalid(
          "body", "is required: a JSON object with ownerId, role and, if you like, label");
    }
    List<FieldError> errors = new ArrayList<>();
    if (request.ownerId() == null) {
      errors.add(new FieldError("ownerId", "is required"));
    } else {
      TextRules.identifier("ownerId", request.ownerId()).ifPresent(errors::add);
    }
    if (request.role() != Role.EMPLOYER && request.role() != Role.UNIVERSITY) {
      errors.add(new FieldError("role", "must be EMPLOYER or UNIVERSITY"));
    }
    errors.addAll(labelProblems(request.label()));
    Problems.refuseIfAny(errors);
    return request;
  }

  private static List<FieldError> labelProblems(String label) {
    if (label != null && label.length() > MAX_LABEL_LENGTH) {
      return List.of(
          new FieldError("label", "must be at most " + MAX_LABEL_LENGTH + " characters"));
    }
    return TextRules.check().line("label", label).errors();
  }

  private static String checkedKeyId(String keyId) {
    Problems.refuseIfAny(TextRules.check().identifier("keyId", keyId).errors());
    return keyId;
  }

  private static Mono<Void> foundOrNot(boolean found) {
    return found
        ? Mono.empty()
        : Mono.error(
            new ApiProblemException(
                HttpStatus.NOT_FOUND, "There is no such key of yours.", List.of()));
  }
}
