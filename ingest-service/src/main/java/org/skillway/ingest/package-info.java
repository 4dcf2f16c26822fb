/**
 * ingest-service: the HTTP edge. It authenticates callers, validates what they send and publishes
 * it as events; a request is acknowledged only after Kafka has acknowledged its event.
 */
package org.skillway.ingest;
