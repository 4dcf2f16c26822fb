/**
 * matching-service: keeps profiles and vacancies from their topics, scores each pair and publishes
 * the matches. Each instance owns the profile partitions its consumer group gives it and reads
 * every vacancy.
 */
package org.skillway.matching;
