/**
 * matching-service wiring: settings, the match rules, the event publisher, dead letters and
 * security.
 */
package org.skillway.matching.system;
