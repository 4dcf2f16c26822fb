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
    List<Qualification> qualifications,
    List<String> desiredSectors,
    Inclusion inclusion) {

  /**
   * @param evidencedBy the university that vouches for it; {@code null} when self-declared
   */
  public record Skill(String skillId, String label, int level, Integer years, String evidencedBy) {}

  /**
   * @param evidencedBy the university that vouches for it; {@code null} when self-declared
   */
  public record Qualification(String title, int rqfLevel, String evidencedBy) {
    /** The same qualification, whoever vouches for it. */
    boolean sameAs(Qualification other) {
      return title.equalsIgnoreCase(other.title) && rqfLevel == other.rqfLevel;
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
        skills.stream()
            .map(s -> new SkillLevel(s.skillId(), s.level(), null, s.evidencedBy()))
            .toList(),
        outcode,
        consentToMatch,
        yearsExperience,
        workMode,
        maxCommuteKm,
        salaryExpectation,
        availableFrom,
        inclusion.needsDevice(),
        retrainer == null ? null : retrainer.occupationId());
  }

  /**
   * This profile as the person changed it, keeping what a university vouched for: a skill they
   * still hold at or below the evidenced level, and a qualification they still list, stay
   * evidenced; anything added or raised is self-declared.
   */
  public Profile keepingEvidenceOf(Profile before) {
    java.util.Map<String, Skill> vouched = new java.util.HashMap<>();
    before.skills().stream()
        .filter(s -> s.evidencedBy() != null)
        .forEach(s -> vouched.put(s.skillId(), s));
    List<Skill> kept =
        skills.stream()
            .map(
                s -> {
                  Skill old = vouched.get(s.skillId());
                  return s.evidencedBy() == null && old != null && s.level() <= old.level()
                      ? new Skill(s.skillId(), s.label(), s.level(), s.years(), old.evidencedBy())
                      : s;
                })
            .toList();
    List<Qualification> keptQualifications =
        qualifications.stream()
            .map(
                q ->
                    q.evidencedBy() != null
                        ? q
                        : before.qualifications().stream()
                            .filter(old -> old.evidencedBy() != null && old.sameAs(q))
                            .findFirst()
                            .orElse(q))
            .toList();
    return with(kept, keptQualifications, student);
  }

  /**
   * This profile, which its owner has claimed and may have changed, brought up to date with what
   * their university uploads again: the university's skills and qualifications replace the ones it
   * vouched for before (a skill the person declared at a higher level stays theirs), and its record
   * of their studies replaces the old one. Everything the person chose (where they live, how far
   * they travel, their consent, their own skills) stays as they left it.
   */
  public Profile withUniversityRecord(Profile record, String university) {
    java.util.Map<String, Skill> own = new java.util.LinkedHashMap<>();
    skills.stream()
        .filter(s -> !university.equals(s.evidencedBy()))
        .forEach(s -> own.put(s.skillId(), s));
    List<Skill> merged = new java.util.ArrayList<>();
    for (Skill vouched : record.skills()) {
      Skill theirs = own.remove(vouched.skillId());
      merged.add(theirs != null && theirs.level() > vouched.level() ? theirs : vouched);
    }
    merged.addAll(own.values());
    List<Qualification> qualified = new java.util.ArrayList<>(record.qualifications());
    qualifications.stream()
        .filter(q -> !university.equals(q.evidencedBy()))
        .filter(q -> record.qualifications().stream().noneMatch(r -> r.sameAs(q)))
        .forEach(qualified::add);
    return with(
        List.copyOf(merged),
        List.copyOf(qualified),
        pathway == record.pathway() ? record.student() : student);
  }

  /** This profile with other skills, qualifications and record of studies. */
  private Profile with(
      List<Skill> skills, List<Qualification> qualifications, PathwayDetails.Student student) {
    return new Profile(
        pathway,
        skills,
        outcode,
        consentToMatch,
        consentToContact,
        yearsExperience,
        workMode,
        maxCommuteKm,
        salaryExpectation,
        availableFrom,
        student,
        retrainer,
        experienced,
        qualifications,
        desiredSectors,
        inclusion);
  }
}
