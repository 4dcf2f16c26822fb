package org.skillway.events;

/**
 * A required skill the person does not have as such, but reaches through one they have: a narrower
 * or broader skill in the taxonomy, or a related one. This is how a retrainer's transferable skills
 * count.
 *
 * @param proximity {@code NARROWER}, {@code BROADER} or {@code RELATED}
 */
public record TransferableSkill(String needed, String has, String proximity) {
  public TransferableSkill {
    Contracts.requireText(needed, "needed", 200);
    Contracts.requireText(has, "has", 200);
    Contracts.requireText(proximity, "proximity", 16);
  }
}
