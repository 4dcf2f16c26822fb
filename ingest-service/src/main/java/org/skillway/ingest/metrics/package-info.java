/**
 * Metrics of ingest's own work: cohort uploads and the region's picture, with bounded labels only.
 */
package org.skillway.ingest.metrics;
