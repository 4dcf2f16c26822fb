package org.skillway.events;

import java.util.List;
import java.util.Objects;

/**
 * The matchable part of a person's profile. It holds no name or contact details: events are read by
 * services that must stay name-blind.
 *
 * @param outcode UK postcode outcode, e.g. {@code M1} or {@code PR1}
 * @param consentToMatch false means the person is never matched, whatever else the profile says
 */
public record ProfileData(
    Pathway pathway, List<SkillLevel> skills, String outcode, boolean consentToMatch) {
  public ProfileData {
    Objects.requireNonNull(pathway, "pathway");
    skills = Contracts.requireList(skills, "skills");
    Contracts.requireText(outcode, "outcode", 4);
  }
}
