package org.skillway.ingest.cohort;

import java.io.Closeable;
import java.util.List;
import org.skillway.support.FieldError;

/** Reads a cohort file one row at a time, so that no file is ever held whole in memory. */
interface RowSource extends Closeable {
  /**
   * A row as read: the row, or why it could not be read (the line and the rest of the file still
   * count).
   *
   * @param line the row's line number in the file (the header is line 1 of a CSV file)
   */
  record Read(long line, String studentRef, CohortRow row, List<FieldError> errors) {}

  /** The next row, or {@code null} at the end of the file. */
  Read next();
}
