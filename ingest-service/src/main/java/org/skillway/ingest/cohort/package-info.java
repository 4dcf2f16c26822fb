/**
 * University cohort uploads: CSV or NDJSON streamed row by row, each row checked on its own, the
 * accepted ones published as profiles evidenced by the university, with a per-row report kept while
 * the upload runs and after.
 */
package org.skillway.ingest.cohort;
