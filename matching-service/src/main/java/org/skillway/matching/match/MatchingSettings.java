package org.skillway.matching.match;

/**
 * @param topK how many best matches each profile and each vacancy keeps
 * @param materialChange how many points a score must move for a match to count as changed
 */
public record MatchingSettings(int topK, int materialChange) {}
