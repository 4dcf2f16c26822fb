/**
 * API keys for employers and universities: stored as SHA-256 hashes, each scoped to one owner and
 * role.
 */
package org.skillway.ingest.apikey;
