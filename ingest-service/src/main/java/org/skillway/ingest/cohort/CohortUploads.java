package org.skillway.ingest.cohort;

import static org.springframework.data.mongodb.core.query.Criteria.where;
import static org.springframework.data.mongodb.core.query.Query.query;

import jakarta.validation.Validator;
import java.io.BufferedReader;
import java.io.FilterInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PushbackInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.skillway.ingest.account.Accounts;
import org.skillway.ingest.account.Invitations;
import org.skillway.ingest.input.TextRules;
import org.skillway.ingest.metrics.CohortMetrics;
import org.skillway.ingest.profile.Profile;
import org.skillway.ingest.profile.ProfileChecks;
import org.skillway.ingest.profile.Profiles;
import org.skillway.ingest.profile.StoredProfile;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
import org.springframework.data.domain.Sort;
import org.springframework.data.mongodb.core.ReactiveMongoTemplate;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Flux;
import reactor.core.publisher.Mono;
import tools.jackson.databind.json.JsonMapper;

/**
 * Loads a cohort file. Rows are read one at a time from the request body as it arrives and handled
 * in batches: each row is checked on its own; the accepted rows of a batch are published to Kafka
 * (all acknowledged) and then stored, and the report is brought up to date, so progress is visible
 * while the upload runs. A student is keyed by the university and its own student reference, so
 * uploading a file again adds nobody twice, and a row identical to what is stored sends nothing.
 */
@Component
class CohortUploads {
  private static final org.slf4j.Logger LOG =
      org.slf4j.LoggerFactory.getLogger(CohortUploads.class);
  static final int BATCH = 1_000;

  private final ReactiveMongoTemplate mongo;
  private final Profiles profiles;
  private final ProfileChecks checks;
  private final Accounts accounts;
  private final Invitations invitations;
  private final Validator validator;
  private final JsonMapper json;
  private final Clock clock;
  private final CohortLimits limits;
  private final CohortMetrics metrics;

  CohortUploads(
      ReactiveMongoTemplate mongo,
      Profiles profiles,
      ProfileChecks checks,
      Accounts accounts,
      Invitations invitations,
      Validator validator,
      JsonMapper json,
      Clock clock,
      CohortLimits limits,
      CohortMetrics metrics) {
    this.mongo = mongo;
    this.profiles = profiles;
    this.checks = checks;
    this.accounts = accounts;
    this.invitations = invitations;
    this.validator = validator;
    this.json = json;
    this.clock = clock;
    this.limits = limits;
    this.metrics = metrics;
  }

  enum Format {
    CSV,
    NDJSON
  }

  /** The profile id of a university's student: the same for every upload. */
  static String profileId(String universityId, String studentRef) {
    return UUID.nameUUIDFromBytes(
            ("cohort:" + universityId + ":" + studentRef).getBytes(StandardCharsets.UTF_8))
        .toString();
  }

  Mono<Upload> start(String universityId, String cohortId, Format format) {
    return mongo.insert(
        new Upload(
            UUID.randomUUID().toString(),
            universityId,
            cohortId,
            format.name(),
            Upload.State.RUNNING,
            0,
            0,
            0,
            0,
            clock.instant(),
            null,
            null));
  }

  /**
   * Reads and loads the whole body. Blocking: run it on a worker thread, never an event loop.
   *
   * @return the finished upload; a file that breaks the limits or cannot be read stops with a
   *     problem, keeping the rows accepted before that point
   */
  Upload run(Upload upload, InputStream body) {
    Run run = new Run(upload);
    try (RowSource rows = open(Format.valueOf(upload.format()), limited(body))) {
      List<RowSource.Read> batch = new ArrayList<>(BATCH);
      RowSource.Read read;
      while ((read = rows.next()) != null) {
        if (run.processed + batch.size() >= limits.maxRows()) {
          throw new ApiProblemException(
              HttpStatus.CONTENT_TOO_LARGE,
              "A cohort file may hold at most " + limits.maxRows() + " rows",
              List.of(new FieldError("body", "has more than " + limits.maxRows() + " rows")));
        }
        batch.add(read);
        if (batch.size() == BATCH) {
          run.load(batch);
          batch.clear();
        }
      }
      run.load(batch);
      return run.finish(Upload.State.DONE, null);
    } catch (ApiProblemException problem) {
      run.finish(Upload.State.FAILED, problem.getMessage());
      throw problem;
    } catch (IOException | RuntimeException failure) {
      run.finish(
          Upload.State.FAILED,
          "Stopped: "
              + failure.getMessage()
              + ". Upload the file again; rows already loaded are"
              + " recognised.");
      throw failure instanceof RuntimeException r ? r : new IllegalStateException(failure);
    }
  }

  /**
   * Sends a loaded student a new invitation to claim their account (the old link stops working).
   *
   * @throws ApiProblemException 404 if the university has not loaded this student; 409 if the
   *     student has claimed the account already
   */
  Mono<String> reinvite(String universityId, String studentRef) {
    String id = profileId(universityId, studentRef);
    return profiles
        .findAll(java.util.Set.of(id))
        .filter(found -> found.containsKey(id))
        .switchIfEmpty(
            Mono.error(
                () ->
                    new ApiProblemException(
                        HttpStatus.NOT_FOUND,
                        "You have not loaded a student with this reference.",
                        List.of(new FieldError("studentRef", "is not one of your students")))))
        .flatMap(found -> invitations.reinvite(universityId, List.of(id)))
        .flatMap(
            sent ->
                sent == 1
                    ? Mono.just(id)
                    : Mono.error(
                        new ApiProblemException(
                            HttpStatus.CONFLICT,
                            "The student has claimed their account already (or made one"
                                + " themselves); they sign in with their own password.",
                            List.of(new FieldError("studentRef", "has an account in use")))));
  }

  /** The upload, if it is this university's. */
  Mono<Upload> find(String universityId, String cohortId, String uploadId) {
    return mongo
        .findById(uploadId, Upload.class)
        .filter(u -> u.universityId().equals(universityId) && u.cohortId().equals(cohortId));
  }

  Flux<Upload> of(String universityId, String cohortId) {
    return mongo.find(
        query(where("universityId").is(universityId).and("cohortId").is(cohortId))
            .with(Sort.by(Sort.Direction.DESC, "startedAt")),
        Upload.class);
  }

  Flux<Rejection> rejections(String uploadId, int page, int size) {
    return mongo.find(
        query(where("uploadId").is(uploadId))
            .with(Sort.by("line").and(Sort.by("_id")))
            .skip((long) page * size)
            .limit(size),
        Rejection.class);
  }

  private RowSource open(Format format, InputStream body) throws IOException {
    BufferedReader reader =
        new BufferedReader(new InputStreamReader(withoutBom(body), StandardCharsets.UTF_8));
    return format == Format.CSV ? new CsvRows(reader) : new NdjsonRows(reader, json);
  }

  private static InputStream withoutBom(InputStream in) throws IOException {
    PushbackInputStream pushback = new PushbackInputStream(in, 3);
    byte[] start = new byte[3];
    int read = pushback.readNBytes(start, 0, 3);
    boolean bom =
        read == 3
            && (start[0] & 0xFF) == 0xEF
            && (start[1] & 0xFF) == 0xBB
            && (start[2] & 0xFF) == 0xBF;
    if (!bom && read > 0) {
      pushback.unread(start, 0, read);
    }
    return pushback;
  }

  /** Stops reading once the body passes the size limit. */
  private InputStream limited(InputStream in) {
    long max = limits.maxBytes();
    return new FilterInputStream(in) {
      private long count;

      @Override
      public int read() throws IOException {
        int b = super.read();
        count(b < 0 ? 0 : 1);
        return b;
      }

      @Override
      public int read(byte[] buffer, int offset, int length) throws IOException {
        int n = super.read(buffer, offset, length);
        count(Math.max(n, 0));
        return n;
      }

      private void count(int n) {
        count += n;
        if (count > max) {
          throw new ApiProblemException(
              HttpStatus.CONTENT_TOO_LARGE,
              "A cohort file may be at most " + (max / 1_000_000) + " MB",
              List.of(new FieldError("body", "is larger than " + (max / 1_000_000) + " MB")));
        }
      }
    };
  }

  /** The state of one upload as it runs. */
  private final class Run {
    private Upload upload;
    private long processed;
    private long accepted;
    private long unchanged;
    private long rejected;
    private final Map<String, Long> lineOfRef = new HashMap<>();
    private final Map<String, Long> lineOfEmail = new HashMap<>();
    private java.util.concurrent.CompletableFuture<Void> pendingStore =
        java.util.concurrent.CompletableFuture.completedFuture(null);

    private void awaitStore() {
      try {
        pendingStore.join();
      } catch (java.util.concurrent.CompletionException failed) {
        throw failed.getCause() instanceof RuntimeException cause ? cause : failed;
      }
    }

    Run(Upload upload) {
      this.upload = upload;
    }

    /** Checks, publishes and stores one batch, then records its rejections and the progress. */
    void load(List<RowSource.Read> batch) {
      if (batch.isEmpty()) {
        return;
      }
      long t0 = System.nanoTime();
      String university = upload.universityId();
      List<Rejection> rejections = new ArrayList<>();
      Map<String, Checked> valid = new HashMap<>();
      for (RowSource.Read read : batch) {
        List<FieldError> errors = new ArrayList<>(read.errors());
        Profile profile = null;
        if (errors.isEmpty()) {
          errors.addAll(violations(read.row()));
          // One reason per field: a reference too long is told once, not also as no identifier.
          read.row().unsafeText().stream()
              .filter(unsafe -> errors.stream().noneMatch(e -> e.field().equals(unsafe.field())))
              .forEach(errors::add);
        }
        if (errors.isEmpty()) {
          Long earlier = lineOfRef.putIfAbsent(read.row().studentRef(), read.line());
          Long earlierEmail =
              lineOfEmail.putIfAbsent(Accounts.normalise(read.row().email()), read.line());
          if (earlier != null) {
            errors.add(new FieldError("studentRef", "repeats line " + earlier));
          } else if (earlierEmail != null) {
            errors.add(new FieldError("email", "repeats line " + earlierEmail));
          }
        }
        if (errors.isEmpty()) {
          try {
            profile = checks.check(read.row().toProfile(university), university);
          } catch (ApiProblemException problem) {
            errors.addAll(problem.errors());
          }
        }
        if (errors.isEmpty()) {
          String id = profileId(university, read.row().studentRef());
          valid.put(id, new Checked(read, id, profile));
        } else {
          reject(rejections, read, errors);
        }
      }
      long t1 = System.nanoTime();
      var found =
          reactor.core.publisher.Mono.zip(
                  profiles.findAll(valid.keySet()),
                  accounts.ownersOf(
                      valid.values().stream().map(c -> c.read().row().email()).toList()))
              .block();
      Map<String, StoredProfile> stored = found.getT1();
      Map<String, Accounts.Owner> owners = found.getT2();
      List<StoredProfile> changed = new ArrayList<>();
      List<Invitations.Invitee> newAccounts = new ArrayList<>();
      List<String> unsent = new ArrayList<>();
      long batchUnchanged = 0;
      for (Checked c : valid.values()) {
        String email = Accounts.normalise(c.read().row().email());
        Accounts.Owner owner = owners.get(email);
        if (owner != null && !owner.id().equals(c.id())) {
          reject(
              rejections,
              c.read(),
              List.of(new FieldError("email", "already belongs to another Skillway account")));
          continue;
        }
        StoredProfile before = stored.get(c.id());
        // Once the student has claimed the account, the profile is theirs: the upload brings only
        // the university's own record up to date.
        Profile incoming =
            before != null && owner != null && owner.claimed()
                ? before.profile().withUniversityRecord(c.profile(), university)
                : c.profile();
        if (before != null && before.profile().equals(incoming)) {
          batchUnchanged++;
        } else {
          long version = before == null ? 1 : before.version() + 1;
          changed.add(new StoredProfile(c.id(), version, incoming, clock.instant()));
        }
        if (owner == null) {
          newAccounts.add(new Invitations.Invitee(c.id(), email));
        } else if (owner.awaitingInvitation()) {
          unsent.add(c.id());
        }
      }
      long t2 = System.nanoTime();
      profiles.publishAll(changed);
      long t3 = System.nanoTime();
      processed += batch.size();
      accepted += changed.size() + batchUnchanged;
      unchanged += batchUnchanged;
      rejected += rejections.stream().map(Rejection::line).distinct().count();
      upload = upload.progress(processed, accepted, unchanged, rejected);
      // Storing (profiles, accounts and invitations, rejections, then the progress) overlaps the
      // next batch, one batch at a time: the rows are accepted once Kafka has them, and a store
      // lost
      // to a crash is redone by uploading the file again.
      awaitStore();
      Upload progress = upload;
      pendingStore =
          profiles
              .storeAll(changed)
              .then(invitations.createAndInvite(university, newAccounts))
              .then(invitations.reinvite(university, unsent))
              .then(rejections.isEmpty() ? Mono.empty() : mongo.insertAll(rejections).then())
              .then(mongo.save(progress))
              .then()
              .toFuture();
      long t4 = System.nanoTime();
      LOG.debug(
          "upload {}: {} rows; check {} ms, look-ups {} ms, publish {} ms, wait for the last store {}"
              + " ms",
          upload.id(),
          batch.size(),
          (t1 - t0) / 1_000_000,
          (t2 - t1) / 1_000_000,
          (t3 - t2) / 1_000_000,
          (t4 - t3) / 1_000_000);
    }

    Upload finish(Upload.State state, String problem) {
      if (state == Upload.State.DONE) {
        awaitStore();
      } else {
        pendingStore.exceptionally(failed -> null).join();
      }
      upload =
          mongo
              .save(
                  upload
                      .progress(processed, accepted, unchanged, rejected)
                      .finished(state, clock.instant(), problem))
              .block();
      metrics.uploadFinished(
          upload.format(),
          state.name(),
          accepted,
          unchanged,
          rejected,
          java.time.Duration.between(upload.startedAt(), upload.finishedAt()));
      return upload;
    }

    private void reject(List<Rejection> into, RowSource.Read read, List<FieldError> errors) {
      // A reference that is no identifier could be a formula: the report names the line instead.
      String ref =
          TextRules.isIdentifier(read.studentRef(), TextRules.STUDENT_REF_LENGTH)
              ? read.studentRef()
              : null;
      errors.stream()
          .sorted(Comparator.comparing(FieldError::field))
          .forEach(
              e ->
                  into.add(
                      new Rejection(
                          UUID.randomUUID().toString(),
                          upload.id(),
                          read.line(),
                          ref,
                          e.field(),
                          e.reason())));
    }

    private List<FieldError> violations(CohortRow row) {
      return validator.validate(row).stream()
          .map(v -> new FieldError(v.getPropertyPath().toString(), v.getMessage()))
          .toList();
    }
  }

  private record Checked(RowSource.Read read, String id, Profile profile) {}
}
