package org.skillway.events;

import java.time.LocalDate;
import java.util.List;
import java.util.Objects;

/**
 * The matchable part of a person's profile. It holds no name, contact details or protected
 * characteristics: events are read by services that must stay name-blind, and matching must not use
 * them. Optional fields are {@code null} when the person has not said; matching never treats
 * missing data as agreement.
 *
 * @param outcode UK postcode outcode, e.g. {@code M1} or {@code PR1}
 * @param consentToMatch false means the person is never matched, whatever else the profile says
 * @param yearsExperience years of relevant work, if given
 * @param workMode the way of working the person wants; {@code null} means any
 * @param maxCommuteKm how far the person will travel to an on-site or hybrid role, if given
 * @param salaryExpectation the yearly salary in pounds the person hopes for, if given
 * @param availableFrom the first day the person can start, if given
 * @param needsDevice the person needs a laptop or similar to take up a role
 * @param occupation the ESCO occupation, by id, of the job a retrainer does now or did last; {@code
 *     null} if they have not said (or the event is older than the field). It is no skill and earns
 *     no credit: matching uses it only to say what a move from it to a role's occupation is built
 *     on
 */
public record ProfileData(
    Pathway pathway,
    List<SkillLevel> skills,
    String outcode,
    boolean consentToMatch,
    Integer yearsExperience,
    WorkMode workMode,
    Integer maxCommuteKm,
    Integer salaryExpectation,
    LocalDate availableFrom,
    boolean needsDevice,
    String occupation) {
  public ProfileData {
    Objects.requireNonNull(pathway, "pathway");
    skills = Contracts.requireList(skills, "skills");
    Contracts.requireText(outcode, "outcode", 4);
    Contracts.requireOptionalRange(yearsExperience, "yearsExperience", 0, 70);
    Contracts.requireOptionalRange(maxCommuteKm, "maxCommuteKm", 0, 1000);
    Contracts.requireOptionalRange(salaryExpectation, "salaryExpectation", 0, 1_000_000);
    Contracts.requireOptionalText(occupation, "occupation", 200);
  }

  /** A profile that names no occupation. */
  public ProfileData(
      Pathway pathway,
      List<SkillLevel> skills,
      String outcode,
      boolean consentToMatch,
      Integer yearsExperience,
      WorkMode workMode,
      Integer maxCommuteKm,
      Integer salaryExpectation,
      LocalDate availableFrom,
      boolean needsDevice) {
    this(
        pathway,
        skills,
        outcode,
        consentToMatch,
        yearsExperience,
        workMode,
        maxCommuteKm,
        salaryExpectation,
        availableFrom,
        needsDevice,
        null);
  }

  /** A profile with only the required fields. */
  public ProfileData(
      Pathway pathway, List<SkillLevel> skills, String outcode, boolean consentToMatch) {
    this(pathway, skills, outcode, consentToMatch, null, null, null, null, null, false, null);
  }
}
