/**
 * Kafka listeners that feed profiles and vacancies into matching. They decode and check each event;
 * one that cannot be read goes to the dead-letter topic and the partition moves on.
 */
package org.skillway.matching.intake;
