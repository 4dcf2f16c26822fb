/**
 * Kafka listeners that feed profiles and vacancies into matching. They decode and check each event;
 * one that cannot be read goes to the dead-letter topic and the partition moves on. A record with
 * no value (a compaction tombstone) is skipped.
 */
package org.skillway.matching.intake;
