package org.skillway.taxonomy;

/**
 * A skill offered for some typed text.
 *
 * @param matchedLabel the label (preferred or alternative) the text was found in
 * @param score 1 for an exact label, a little less for a prefix, down to about 0.3 for a near miss
 */
public record Suggestion(Skill skill, String matchedLabel, double score) {}
