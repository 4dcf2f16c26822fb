/**
 * What matching holds about the caller, exported on request (UK GDPR right of access), in one
 * envelope that ingest-service gathers with the other services' exports.
 */
package org.skillway.matching.export;
