/**
 * Matching's own metrics: query times, index size, results and scores, with bounded labels only.
 */
package org.skillway.matching.metrics;
