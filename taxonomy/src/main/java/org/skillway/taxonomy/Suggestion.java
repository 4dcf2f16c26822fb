package org.skillway.taxonomy;

/**
 * A skill offered for some typed text.
 *
 * @param matchedLabel the label (preferred or alternative) the text was found by
 * @param score 1 for an exact label, 0.8 to 0.9 for a label starting with the text, 0.7 to 0.8 for
 *     a word in a label starting with it, and below 0.7 for a near miss
 */
public record Suggestion(Skill skill, String matchedLabel, double score) {}
