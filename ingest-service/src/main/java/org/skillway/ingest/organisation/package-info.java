/**
 * Employers' and universities' own accounts: the display name people and e-mails see instead of an
 * internal id, set by the organisation through its API key and read by the rest of the service
 * through {@link org.skillway.ingest.organisation.Organisations}.
 */
package org.skillway.ingest.organisation;
