package org.skillway.ingest.skill;

import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;

/**
 * @param skillId an ESCO skill or skill group: its id (such as {@code skill/ccd0a1d9-…}), its URI,
 *     or one of its labels in ESCO v1.2.0 or v1.1.1 (such as {@code Python}), ignoring case,
 *     punctuation and British or American spelling
 * @param level 1 (aware) to 5 (expert): the person's level, or the minimum a vacancy asks for
 * @param years how many years the person has used it (profiles only; optional)
 * @param weight how much a vacancy's required skill counts against the others, 1 to 5 (required
 *     skills only; 1 if not given)
 */
public record SkillRequest(
    @NotBlank @Size(max = 200) String skillId,
    @NotNull @Min(1) @Max(5) Integer level,
    @Min(0) @Max(60) Integer years,
    @Min(1) @Max(5) Integer weight) {
  public SkillRequest(String skillId, Integer level) {
    this(skillId, level, null, null);
  }
}
