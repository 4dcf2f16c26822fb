/**
 * The skills taxonomy over HTTP: autocomplete with suggestions for near misses, and one skill with
 * its links.
 */
package org.skillway.matching.skill;
