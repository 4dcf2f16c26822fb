package org.skillway.ingest.profile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.skillway.events.Pathway;
import org.skillway.events.WorkMode;
import org.skillway.ingest.skill.Outcodes;
import org.skillway.ingest.skill.SkillRequest;

/**
 * A person's profile as they send it. {@code pathway}, {@code skills}, {@code outcode} and {@code
 * consentToMatch} are required, and so is the block of the chosen pathway ({@code student}, {@code
 * retrainer} or {@code experienced}); the rest is optional.
 *
 * @param yearsExperience years of relevant work; 5 or more for the experienced pathway
 * @param maxCommuteKm how far the person will travel to an on-site or hybrid role
 * @param salaryExpectation the yearly salary in pounds hoped for
 * @param qualifications what the person holds, each with its RQF level
 * @param desiredSectors sectors the person would like to work in, such as {@code digital}
 * @param needsDevice the person needs a laptop or similar to take up a role
 * @param mobileOnly the person reaches the internet only through a phone
 * @param adjustments workplace adjustments the person asks for, in their words; never used for
 *     matching and never shown to an employer
 * @param consentToContact the person agrees to be contacted by employers they match
 */
public record ProfileRequest(
    @NotNull Pathway pathway,
    @NotNull @Size(max = 50) List<@NotNull @Valid SkillRequest> skills,
    @NotNull @Pattern(regexp = Outcodes.PATTERN, message = Outcodes.MESSAGE) String outcode,
    @NotNull Boolean consentToMatch,
    @Min(0) @Max(70) Integer yearsExperience,
    WorkMode workMode,
    @Min(0) @Max(500) Integer maxCommuteKm,
    @Min(0) @Max(1_000_000) Integer salaryExpectation,
    LocalDate availableFrom,
    Boolean needsDevice,
    @Valid PathwayDetails.Student student,
    @Valid PathwayDetails.Retrainer retrainer,
    @Valid PathwayDetails.Experienced experienced,
    @Size(max = 20) List<@NotNull @Valid Qualification> qualifications,
    @Size(max = 10) List<@NotBlank @Size(max = 100) String> desiredSectors,
    Boolean mobileOnly,
    @Size(max = 500) String adjustments,
    Boolean consentToContact) {

  /**
   * @param rqfLevel the Regulated Qualifications Framework level: 0 for entry level, then 1 (GCSE
   *     grades 3-1) to 8 (doctorate)
   */
  public record Qualification(
      @NotBlank @Size(max = 200) String title, @NotNull @Min(0) @Max(8) Integer rqfLevel) {}
}
