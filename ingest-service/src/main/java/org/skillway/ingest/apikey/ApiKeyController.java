package org.skillway.ingest.apikey;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.skillway.support.ApiProblemException;
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

/**
 * API keys. An operator makes the first key of an employer or university; the owner can then list
 * their keys, make another (to rotate without downtime) and revoke any of theirs. A key is shown
 * once, when it is made.
 */
@RestController
class ApiKeyController {
  private final ApiKeyStore store;

  ApiKeyController(ApiKeyStore store) {
    this.store = store;
  }

  /**
   * @param ownerId the employer or university id the key acts for
   */
  record NewKey(
      @NotBlank @Size(max = 64) @Pattern(regexp = "^[A-Za-z0-9._-]+$") String ownerId,
      @NotNull Role role,
      @Size(max = 100) String label) {}

  record OwnKey(@Size(max = 100) String label) {}

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
  Mono<ResponseEntity<IssuedKey>> issueForOwner(@Valid @RequestBody NewKey request) {
    if (request.role() != Role.EMPLOYER && request.role() != Role.UNIVERSITY) {
      throw ApiProblemException.invalid("role", "must be EMPLOYER or UNIVERSITY");
    }
    return store
        .issue(request.ownerId(), request.role(), request.label())
        .map(IssuedKey::of)
        .map(
            key -> ResponseEntity.created(URI.create("/api/v1/api-keys/" + key.keyId())).body(key));
  }

  @DeleteMapping("/api/v1/admin/api-keys/{keyId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> revokeAny(@PathVariable String keyId) {
    return store.revoke(keyId, null).flatMap(ApiKeyController::foundOrNot);
  }

  @GetMapping("/api/v1/api-keys")
  Mono<KeyList> list(Authentication caller) {
    return store
        .of(ApiClient.ownerOf(caller))
        .map(KeyView::of)
        .collectList()
        .map(keys -> new KeyList(ApiClient.ownerOf(caller), keys));
  }

  @PostMapping("/api/v1/api-keys")
  Mono<ResponseEntity<IssuedKey>> issueOwn(
      Authentication caller, @Valid @RequestBody(required = false) OwnKey request) {
    Role role =
        caller.getAuthorities().stream()
                .anyMatch(a -> a.getAuthority().equals(Role.UNIVERSITY.authority()))
            ? Role.UNIVERSITY
            : Role.EMPLOYER;
    return store
        .issue(ApiClient.ownerOf(caller), role, request == null ? null : request.label())
        .map(IssuedKey::of)
        .map(
            key -> ResponseEntity.created(URI.create("/api/v1/api-keys/" + key.keyId())).body(key));
  }

  /** Revokes one of the caller's own keys; it stops working at once. */
  @DeleteMapping("/api/v1/api-keys/{keyId}")
  @ResponseStatus(HttpStatus.NO_CONTENT)
  Mono<Void> revokeOwn(Authentication caller, @PathVariable String keyId) {
    return store.revoke(keyId, ApiClient.ownerOf(caller)).flatMap(ApiKeyController::foundOrNot);
  }

  private static Mono<Void> foundOrNot(boolean found) {
    return found
        ? Mono.empty()
        : Mono.error(
            new ApiProblemException(
                HttpStatus.NOT_FOUND, "There is no such key of yours.", List.of()));
  }
}
