package org.skillway.taxonomy;

/**
 * A skill offered for some typed text.
 *
 * @param matchedLabel the label (preferred or alternative) the text was found in
 * @param score 1 for an exact label (or one of our synonyms), 0.8-0.9 for a label starting with the
 *     text, 0.7-0.8 for a label with a word starting with it, down to about 0.2 for a near miss
 */
public record Suggestion(Skill skill, String matchedLabel, double score) {}
