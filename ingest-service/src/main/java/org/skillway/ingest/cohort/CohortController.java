package org.skillway.ingest.cohort;

import io.swagger.v3.oas.annotations.Parameter;
import io.swagger.v3.oas.annotations.media.Schema;
import java.net.URI;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.skillway.ingest.apikey.ApiClients;
import org.skillway.ingest.input.TextRules;
import org.skillway.ingest.skill.Problems;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.Authentication;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.PostMapping;
import org.springframework.web.bind.annotation.RequestBody;
import org.springframework.web.bind.annotation.RequestHeader;
import org.springframework.web.bind.annotation.RequestMapping;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Scheduler;
import reactor.core.scheduler.Schedulers;

/**
 * A university's cohorts: upload students (CSV or NDJSON, streamed), and read each upload's report,
 * while it runs and after, with the university's API key or the bearer token it was exchanged for.
 * A university sees only its own uploads. Cohort ids, upload ids and student references are
 * identifiers ({@link TextRules#identifier}); any other is a 400 naming it.
 */
@RestController
@RequestMapping("/api/v1/cohorts/{cohortId}")
class CohortController {
  static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");
  private static final int MAX_PAGE_SIZE = 1000;

  private final CohortUploads uploads;

  /**
   * Uploads block while they read, so they run on threads of their own: never the shared
   * bounded-elastic pool, whose tasks (such as Kafka sends) could otherwise be queued behind a
   * blocked upload and never run.
   */
  private final Scheduler uploadThreads = Schedulers.newBoundedElastic(4, 100, "cohort-upload");

  CohortController(CohortUploads uploads) {
    this.uploads = uploads;
  }

  @jakarta.annotation.PreDestroy
  void stop() {
    uploadThreads.dispose();
  }

  /**
   * @param rowsAccepted rows now held as profiles (unchanged ones included)
   * @param rejected one entry per field at fault, by line; paged with {@code page} and {@code size}
   */
  record UploadReport(
      String uploadId,
      String cohortId,
      String format,
      Upload.State state,
      long rowsProcessed,
      long rowsAccepted,
      long rowsUnchanged,
      long rowsRejected,
      Instant startedAt,
      Instant finishedAt,
      String problem,
      List<Rejection> rejected) {
    static UploadReport of(Upload u, List<Rejection> rejected) {
      return new UploadReport(
          u.id(),
          u.cohortId(),
          u.format(),
          u.state(),
          u.rowsProcessed(),
          u.rowsAccepted(),
          u.rowsUnchanged(),
          u.rowsRejected(),
          u.startedAt(),
          u.finishedAt(),
          u.problem(),
          rejected);
    }
  }

  /**
   * Loads the students of a file. The answer comes once every row has been handled (and every
   * accepted row is on Kafka); meanwhile {@code GET .../uploads} shows the upload running.
   */
  @PostMapping(
      path = "/students",
      consumes = {"text/csv", "application/x-ndjson"})
  Mono<ResponseEntity<UploadReport>> upload(
      Authentication caller,
      @PathVariable @Parameter(schema = @Schema(pattern = TextRules.ID_PATTERN)) String cohortId,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
      @RequestBody Flux<DataBuffer> body) {
    Problems.refuseIfAny(TextRules.check().identifier("cohortId", cohortId).errors());
    CohortUploads.Format format =
        NDJSON.isCompatibleWith(contentType)
            ? CohortUploads.Format.NDJSON
            : CohortUploads.Format.CSV;
    return uploads
        .start(ApiClients.of(caller).ownerId(), cohortId, format)
        .flatMap(
            started ->
                Mono.fromCallable(
                        () -> uploads.run(started, DataBufferUtils.subscriberInputStream(body, 16)))
                    .subscribeOn(uploadThreads))
        .flatMap(
            done ->
                uploads
                    .rejections(done.id(), 0, 100)
                    .collectList()
                    .map(
                        rejected ->
                            ResponseEntity.created(
                                    URI.create(
                                        "/api/v1/cohorts/" + cohortId + "/uploads/" + done.id()))
                                .body(UploadReport.of(done, rejected))));
  }

  /**
   * @param profileId the student's profile id, the same for every upload
   */
  record InvitationSent(String studentRef, String profileId) {}

  /**
   * Sends a student of this university a new invitation to claim their account, for one who lost
   * the e-mail or whose link expired. The old link stops working.
   */
  @PostMapping("/students/{studentRef}/invitations")
  Mono<ResponseEntity<InvitationSent>> reinvite(
      Authentication caller,
      @PathVariable @Parameter(schema = @Schema(pattern = TextRules.ID_PATTERN)) String cohortId,
      @PathVariable @Parameter(schema = @Schema(pattern = TextRules.STUDENT_REF_PATTERN))
          String studentRef) {
    Problems.refuseIfAny(
        TextRules.check()
            .identifier("cohortId", cohortId)
            .identifier("studentRef", studentRef, TextRules.STUDENT_REF_LENGTH)
            .errors());
    return uploads
        .reinvite(ApiClients.of(caller).ownerId(), studentRef)
        .map(id -> ResponseEntity.accepted().body(new InvitationSent(studentRef, id)));
  }

  @GetMapping("/uploads")
  Flux<UploadReport> uploads(
      Authentication caller,
      @PathVariable @Parameter(schema = @Schema(pattern = TextRules.ID_PATTERN)) String cohortId) {
    Problems.refuseIfAny(TextRules.check().identifier("cohortId", cohortId).errors());
    return uploads
        .of(ApiClients.of(caller).ownerId(), cohortId)
        .map(u -> UploadReport.of(u, List.of()));
  }

  @GetMapping("/uploads/{uploadId}")
  Mono<UploadReport> report(
      Authentication caller,
      @PathVariable @Parameter(schema = @Schema(pattern = TextRules.ID_PATTERN)) String cohortId,
      @PathVariable @Parameter(schema = @Schema(pattern = TextRules.ID_PATTERN)) String uploadId,
      @RequestParam(defaultValue = "0")
          @Parameter(
              schema =
                  @Schema(type = "integer", format = "int32", minimum = "0", defaultValue = "0"))
          int page,
      @RequestParam(defaultValue = "100")
          @Parameter(
              schema =
                  @Schema(
                      type = "integer",
                      format = "int32",
                      minimum = "1",
                      maximum = "1000",
                      defaultValue = "100"))
          int size) {
    List<FieldError> errors =
        new ArrayList<>(
            TextRules.check()
                .identifier("cohortId", cohortId)
                .identifier("uploadId", uploadId)
                .errors());
    if (page < 0) {
      errors.add(new FieldError("page", "must be 0 or more"));
    }
    if (size < 1 || size > MAX_PAGE_SIZE) {
      errors.add(new FieldError("size", "must be 1 to " + MAX_PAGE_SIZE));
    }
    Problems.refuseIfAny(errors);
    return uploads
        .find(ApiClients.of(caller).ownerId(), cohortId, uploadId)
        .switchIfEmpty(
            Mono.error(
                new ApiProblemException(
                    HttpStatus.NOT_FOUND, "There is no such upload of yours.", List.of())))
        .flatMap(
            u ->
                uploads
                    .rejections(u.id(), page, size)
                    .collectList()
                    .map(rejected -> UploadReport.of(u, rejected)));
  }
}
