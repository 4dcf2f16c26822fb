package org.skillway.ingest.profile;

import java.time.LocalDate;
import java.util.List;
import org.skillway.events.Pathway;
import org.skillway.events.ProfileData;
import org.skillway.events.SkillLevel;
import org.skillway.events.WorkMode;

/**
 * A checked profile as stored: skills under their ESCO ids (with the label at the time), the
 * occupation resolved, defaults filled in. Only {@link #matchable()} leaves this service.
 */
public record Profile(
    Pathway pathway,
    List<Skill> skills,
    String outcode,
    boolean consentToMatch,
    boolean consentToContact,
    Integer yearsExperience,
    WorkMode workMode,
    Integer maxCommuteKm,
    Integer salaryExpectation,
    LocalDate availableFrom,
    PathwayDetails.Student student,
    Retrainer retrainer,
    PathwayDetails.Experienced experienced,
    List<ProfileRequest.Qualification> qualifications,
    List<String> desiredSectors,
    Inclusion inclusion) {

  /**
   * @param evidencedBy the university that vouches for it; {@code null} when self-declared
   */
  public record Skill(String skillId, String label, int level, Integer years, String evidencedBy) {
    public String evidence() {
      return evidencedBy == null ? "SELF_DECLARED" : "EVIDENCED";
    }
  }

  public record Retrainer(String occupationId, String occupationLabel, boolean willingToTrain) {}

  public record Inclusion(boolean needsDevice, boolean mobileOnly, String adjustments) {}

  /**
   * What matching may see: no contact details, no adjustments, nothing about protected
   * characteristics.
   */
  public ProfileData matchable() {
    return new ProfileData(
        pathway,
        skills.stream().map(s -> new SkillLevel(s.skillId(), s.level())).toList(),
        outcode,
        consentToMatch,
        yearsExperience,
        workMode,
        maxCommuteKm,
        salaryExpectation,
        availableFrom,
        inclusion.needsDevice());
  }
}
