/**
 * The contracts every Skillway service shares: the one list of topics, the event records
 * (immutable, one sealed interface per aggregate) and the JSON codec that reads and writes them on
 * the wire.
 */
package org.skillway.events;
