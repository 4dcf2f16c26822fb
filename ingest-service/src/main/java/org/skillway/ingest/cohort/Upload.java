package org.skillway.ingest.cohort;

import java.time.Instant;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * One upload of a cohort file and how far it has got; updated as it runs.
 *
 * @param rowsAccepted rows now held as profiles, including {@code rowsUnchanged}
 * @param rowsUnchanged accepted rows identical to what an earlier upload stored: nothing new sent
 * @param problem why the upload stopped early, if it did
 */
@Document("uploads")
record Upload(
    @Id String id,
    String universityId,
    String cohortId,
    String format,
    State state,
    long rowsProcessed,
    long rowsAccepted,
    long rowsUnchanged,
    long rowsRejected,
    Instant startedAt,
    Instant finishedAt,
    String problem) {

  enum State {
    RUNNING,
    DONE,
    FAILED
  }

  Upload progress(long processed, long accepted, long unchanged, long rejected) {
    return new Upload(
        id,
        universityId,
        cohortId,
        format,
        state,
        processed,
        accepted,
        unchanged,
        rejected,
        startedAt,
        finishedAt,
        problem);
  }

  Upload finished(State end, Instant at, String why) {
    return new Upload(
        id,
        universityId,
        cohortId,
        format,
        end,
        rowsProcessed,
        rowsAccepted,
        rowsUnchanged,
        rowsRejected,
        startedAt,
        at,
        why);
  }
}
