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
import java.util.ArrayList;
import java.util.List;
import org.skillway.events.Pathway;
import org.skillway.events.WorkMode;
import org.skillway.ingest.input.EmailAddresses;
import org.skillway.ingest.input.TextRules;
import org.skillway.ingest.profile.PathwayDetails;
import org.skillway.ingest.profile.ProfileRequest;
import org.skillway.ingest.skill.Outcodes;
import org.skillway.ingest.skill.SkillRequest;
import org.skillway.support.FieldError;

/**
 * One student of a cohort file, in either format (the CSV columns and the NDJSON fields have these
 * names).
 *
 * @param studentRef the university's own reference for the student (an identifier of up to 100
 *     characters, as it appears in {@code /students/{studentRef}/invitations}): with the
 *     university, what makes a re-upload update the same student instead of adding another
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

  /**
   * The row's text that must not be stored: a student reference that is no identifier, an e-mail
   * address hiding an invisible or combining character, and free text a spreadsheet would run as a
   * formula or that hides control characters. Missing fields are the annotations' business.
   */
  List<FieldError> unsafeText() {
    TextRules.Check check = TextRules.check();
    if (studentRef != null) {
      check.identifier("studentRef", studentRef, TextRules.STUDENT_REF_LENGTH);
    }
    check.line("course", course);
    if (qualifications != null) {
      for (int i = 0; i < qualifications.size(); i++) {
        if (qualifications.get(i) != null) {
          check.line("qualifications[" + i + "].title", qualifications.get(i).title());
        }
      }
    }
    List<FieldError> errors = new ArrayList<>(check.errors());
    EmailAddresses.problem(email).ifPresent(reason -> errors.add(new FieldError("email", reason)));
    return errors;
  }

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
