/**
 * Profile registration: validated, published as {@code ProfileSubmitted}, answered with an identity
 * token.
 */
package org.skillway.ingest.profile;
