/**
 * UK GDPR right of access: everything Skillway holds about the caller, from every service, as one
 * JSON document.
 */
package org.skillway.ingest.export;
