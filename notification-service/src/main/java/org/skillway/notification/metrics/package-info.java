/** Metrics that no single delivery can count: gauges read from the stored state. */
package org.skillway.notification.metrics;
