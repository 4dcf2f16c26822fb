/**
 * ingest-service wiring: security (API keys and identity tokens), the event publisher and settings.
 */
package org.skillway.ingest.system;
