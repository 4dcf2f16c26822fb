package org.skillway.ingest.cohort;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Email;
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
import org.skillway.ingest.profile.PathwayDetails;
import org.skillway.ingest.profile.ProfileRequest;
import org.skillway.ingest.skill.Outcodes;
import org.skillway.ingest.skill.SkillRequest;

/**
 * One student of a cohort file, in either format (the CSV columns and the NDJSON fields have these
 * names).
 *
 * @param studentRef the university's own reference for the student: with the university, what makes
 *     a re-upload update the same student instead of adding another
 * @param email where the invitation to claim the account goes
 * @param consentToMatch whether the student agreed, with the university, to be matched (false if
 *     not given: they can agree when they claim their account)
 */
record CohortRow(
    @NotBlank @Size(max = 100) String studentRef,
    @NotBlank @Email @Size(max = 254) String email,
    @NotNull PathwayDetails.Stage stage,
    @Size(max = 200) String course,
    LocalDate graduationDate,
    @NotNull @Pattern(regexp = Outcodes.PATTERN, message = Outcodes.MESSAGE) String outcode,
    @NotNull @Size(max = 50) List<@NotNull @Valid SkillRequest> skills,
    @Size(max = 20) List<ProfileRequest.@NotNull @Valid Qualification> qualifications,
    Boolean consentToMatch,
    WorkMode workMode,
    @Min(0) @Max(500) Integer maxCommuteKm,
    LocalDate availableFrom,
    Boolean needsDevice) {

  ProfileRequest toProfile(String institution) {
    return new ProfileRequest(
        Pathway.STUDENT,
        skills,
        outcode,
        Boolean.TRUE.equals(consentToMatch),
        null,
        workMode,
        maxCommuteKm,
        null,
        availableFrom,
        needsDevice,
        new PathwayDetails.Student(stage, course, institution, graduationDate),
        null,
        null,
        qualifications,
        null,
        null,
        null,
        null);
  }
}
