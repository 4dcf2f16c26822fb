package org.skillway.support;

import com.mongodb.MongoBulkWriteException;
import com.mongodb.bulk.BulkWriteError;
import java.util.List;
import java.util.Optional;
import org.springframework.data.mongodb.BulkOperationException;

/**
 * Reads which writes of an unordered bulk the server refused, and why, whichever way the driver and
 * Spring Data wrapped the failure.
 */
public final class BulkRefusals {
  /** MongoDB's code for a write refused by a unique index (here, always {@code _id}). */
  public static final int DUPLICATE_KEY = 11000;

  private BulkRefusals() {}

  /** The refused writes, or empty when the failure is not a bulk's partial refusal. */
  public static Optional<List<BulkWriteError>> of(Throwable failure) {
    for (Throwable t = failure; t != null; t = t.getCause()) {
      if (t instanceof BulkOperationException bulk) {
        return Optional.of(bulk.getErrors());
      }
      if (t instanceof MongoBulkWriteException bulk) {
        return Optional.of(bulk.getWriteErrors());
      }
    }
    return Optional.empty();
  }

  /** Whether the failure is a bulk's refusal of some writes as duplicates, and nothing else. */
  public static boolean onlyDuplicates(Throwable failure) {
    return of(failure)
        .map(
            errors ->
                !errors.isEmpty() && errors.stream().allMatch(e -> e.getCode() == DUPLICATE_KEY))
        .orElse(false);
  }
}
