package org.skillway.ingest.cohort;

import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A row an upload refused, and why. One per field at fault, so a row can have several.
 *
 * @param line the row's line number in the file
 */
@Document("upload_rejections")
record Rejection(
    @Id String id, String uploadId, long line, String studentRef, String field, String reason) {}
