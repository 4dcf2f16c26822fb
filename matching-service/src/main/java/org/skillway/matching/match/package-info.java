/**
 * Matches: the scoring rules (plain Java, no framework types), the match store and the publishing
 * of match events, each exactly once in effect.
 */
package org.skillway.matching.match;
