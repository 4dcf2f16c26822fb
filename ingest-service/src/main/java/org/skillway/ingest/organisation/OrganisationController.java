package org.skillway.ingest.organisation;

import io.swagger.v3.oas.annotations.media.Content;
import io.swagger.v3.oas.annotations.media.Schema;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.skillway.ingest.apikey.ApiClient;
import org.skillway.ingest.apikey.ApiClients;
import org.skillway.ingest.input.StrictJson;
import org.skillway.ingest.skill.Problems;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
import org.skillway.support.Role;
import org.springframework.http.HttpStatus;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PutMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * The caller's own organisation: an employer or university reads and sets the display name that
 * people and e-mails see instead of its id. The request is read strictly, like every other.
 */
@RestController
class OrganisationController {
  private final Organisations organisations;
  private final JsonMapper json;

  OrganisationController(Organisations organisations, JsonMapper json) {
    this.organisations = organisations;
    this.json = json;
  }

  /**
   * The annotations describe the request in the OpenAPI document; {@link DisplayName#problems}
   * applies them (after trimming).
   */
  record NewDisplayName(@NotBlank @Size(max = DisplayName.MAX_LENGTH) String displayName) {}

  @GetMapping("/api/v1/organisation")
  Mono<Organisations.Organisation> own(Authentication caller) {
    ApiClient client = organisation(caller);
    return organisations.of(client.ownerId(), client.role());
  }

  @PutMapping("/api/v1/organisation")
  Mono<Organisations.Organisation> rename(
      Authentication caller,
      @io.swagger.v3.oas.annotations.parameters.RequestBody(
              required = true,
              content =
                  @Content(
                      mediaType = "application/json",
                      schema = @Schema(implementation = NewDisplayName.class)))
          @RequestBody(required = false)
          String body) {
    ApiClient client = organisation(caller);
    NewDisplayName request = StrictJson.read(json, body, NewDisplayName.class);
    if (request == null) {
      throw ApiProblemException.invalid("body", "is required: a JSON object with displayName");
    }
    Problems.refuseIfAny(DisplayName.problems(request.displayName()));
    return organisations.rename(client.ownerId(), client.role(), request.displayName());
  }

  /**
   * The caller, if it is an employer or university. The security rules say so too; this keeps an
   * operator or a student out even where they would not.
   */
  private static ApiClient organisation(Authentication caller) {
    ApiClient client = ApiClients.of(caller);
    if (client.role() != Role.EMPLOYER && client.role() != Role.UNIVERSITY) {
      throw new ApiProblemException(
          HttpStatus.FORBIDDEN,
          "Only an employer or a university has an organisation here.",
          List.of(new FieldError("X-API-Key", "must be an employer's or a university's key")));
    }
    return client;
  }
}
