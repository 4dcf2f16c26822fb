/**
 * Configuration the three services share: topic declarations from the one topic list, the event
 * publisher, dead-letter handling, RFC 9457 problem responses, identity tokens and a MongoDB health
 * check.
 */
package org.skillway.support;
