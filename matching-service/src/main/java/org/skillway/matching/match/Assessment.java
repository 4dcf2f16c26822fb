package org.skillway.matching.match;

import java.util.List;
import org.skillway.events.ScorePart;
import org.skillway.events.TransferableSkill;

/**
 * A scored pair, before it is given ids: the score, its parts and the skills behind it.
 *
 * @param missing required skills not met at the level asked for, in the vacancy's order
 */
public record Assessment(
    int score,
    List<ScorePart> parts,
    List<String> matched,
    List<String> missing,
    List<TransferableSkill> transferable) {}
