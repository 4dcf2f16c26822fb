package org.skillway.ingest.cohort;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.Pattern;
import java.net.URI;
import java.time.Instant;
import java.util.List;
import org.skillway.ingest.apikey.ApiClient;
import org.skillway.support.ApiProblemException;
import org.springframework.core.io.buffer.DataBuffer;
import org.springframework.core.io.buffer.DataBufferUtils;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.security.core.annotation.AuthenticationPrincipal;
import org.springframework.validation.annotation.Validated;
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
 * while it runs and after. A university sees only its own uploads.
 */
@RestController
@RequestMapping("/api/v1/cohorts/{cohortId}")
@Validated
class CohortController {
  static final MediaType NDJSON = MediaType.parseMediaType("application/x-ndjson");

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
      @AuthenticationPrincipal ApiClient university,
      @PathVariable @Pattern(regexp = "^[A-Za-z0-9._-]{1,64}$") String cohortId,
      @RequestHeader(HttpHeaders.CONTENT_TYPE) MediaType contentType,
      @RequestBody Flux<DataBuffer> body) {
    CohortUploads.Format format =
        NDJSON.isCompatibleWith(contentType)
            ? CohortUploads.Format.NDJSON
            : CohortUploads.Format.CSV;
    return uploads
        .start(university.ownerId(), cohortId, format)
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
      @AuthenticationPrincipal ApiClient university,
      @PathVariable String cohortId,
      @PathVariable @jakarta.validation.constraints.Size(max = 100) String studentRef) {
    return uploads
        .reinvite(university.ownerId(), studentRef)
        .map(id -> ResponseEntity.accepted().body(new InvitationSent(studentRef, id)));
  }

  @GetMapping("/uploads")
  Flux<UploadReport> uploads(
      @AuthenticationPrincipal ApiClient university, @PathVariable String cohortId) {
    return uploads.of(university.ownerId(), cohortId).map(u -> UploadReport.of(u, List.of()));
  }

  @GetMapping("/uploads/{uploadId}")
  Mono<UploadReport> report(
      @AuthenticationPrincipal ApiClient university,
      @PathVariable String cohortId,
      @PathVariable String uploadId,
      @RequestParam(defaultValue = "0") @Min(0) int page,
      @RequestParam(defaultValue = "100") @Min(1) @Max(1000) int size) {
    return uploads
        .find(university.ownerId(), cohortId, uploadId)
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
