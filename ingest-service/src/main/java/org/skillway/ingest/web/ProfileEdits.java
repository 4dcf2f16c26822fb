package org.skillway.ingest.web;

import java.util.List;
import org.skillway.ingest.profile.Profile;
import org.skillway.ingest.profile.ProfileRequest;
import org.skillway.ingest.skill.SkillRequest;

/**
 * A stored profile as the request that would make it again, so a page can change one part and have
 * the whole checked exactly as the API checks it. What a university vouched for is kept by {@code
 * Profiles.replace}.
 */
final class ProfileEdits {
  private ProfileEdits() {}

  static ProfileRequest requestOf(Profile p) {
    return new ProfileRequest(
        p.pathway(),
        p.skills().stream()
            .map(s -> new SkillRequest(s.skillId(), s.level(), s.years(), null))
            .toList(),
        p.outcode(),
        p.consentToMatch(),
        p.yearsExperience(),
        p.workMode(),
        p.maxCommuteKm(),
        p.salaryExpectation(),
        p.availableFrom(),
        p.inclusion().needsDevice(),
        p.student(),
        p.retrainer() == null
            ? null
            : new org.skillway.ingest.profile.PathwayDetails.Retrainer(
                p.retrainer().occupationId(), p.retrainer().willingToTrain()),
        p.experienced(),
        p.qualifications().stream()
            .map(q -> new ProfileRequest.Qualification(q.title(), q.rqfLevel()))
            .toList(),
        p.desiredSectors(),
        p.inclusion().mobileOnly(),
        p.inclusion().adjustments(),
        p.consentToContact());
  }

  static ProfileRequest withSkills(ProfileRequest r, List<SkillRequest> skills) {
    return new ProfileRequest(
        r.pathway(),
        skills,
        r.outcode(),
        r.consentToMatch(),
        r.yearsExperience(),
        r.workMode(),
        r.maxCommuteKm(),
        r.salaryExpectation(),
        r.availableFrom(),
        r.needsDevice(),
        r.student(),
        r.retrainer(),
        r.experienced(),
        r.qualifications(),
        r.desiredSectors(),
        r.mobileOnly(),
        r.adjustments(),
        r.consentToContact());
  }

  /** The "about you" page's answers over the rest of the profile. */
  static ProfileRequest withAbout(ProfileRequest r, About about) {
    return new ProfileRequest(
        r.pathway(),
        r.skills(),
        about.outcode(),
        about.consentToMatch(),
        r.yearsExperience(),
        about.workMode(),
        about.maxCommuteKm(),
        r.salaryExpectation(),
        about.availableFrom(),
        about.needsDevice(),
        r.student(),
        r.retrainer(),
        r.experienced(),
        r.qualifications(),
        about.desiredSectors(),
        about.mobileOnly(),
        r.adjustments(),
        about.consentToContact());
  }

  record About(
      String outcode,
      Integer maxCommuteKm,
      org.skillway.events.WorkMode workMode,
      java.time.LocalDate availableFrom,
      List<String> desiredSectors,
      boolean needsDevice,
      boolean mobileOnly,
      boolean consentToMatch,
      boolean consentToContact) {}
}
