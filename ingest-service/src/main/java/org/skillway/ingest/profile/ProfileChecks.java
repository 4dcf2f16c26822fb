package org.skillway.ingest.profile;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.skillway.events.Pathway;
import org.skillway.events.SkillLevel;
import org.skillway.ingest.input.TextRules;
import org.skillway.ingest.skill.Outcodes;
import org.skillway.ingest.skill.Problems;
import org.skillway.ingest.skill.SkillCatalogue;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
import org.skillway.taxonomy.Occupation;
import org.springframework.http.HttpStatus;
import org.springframework.stereotype.Component;

/**
 * The checks a profile needs beyond its annotations: skills and occupation against ESCO, the
 * outcode against the bundled list, and each pathway's own rules.
 */
@Component
public class ProfileChecks {
  static final int EXPERIENCED_MIN_YEARS = 5;

  private final SkillCatalogue catalogue;
  private final Outcodes outcodes;

  ProfileChecks(SkillCatalogue catalogue, Outcodes outcodes) {
    this.catalogue = catalogue;
    this.outcodes = outcodes;
  }

  /**
   * Free text a university or employer could later export to a spreadsheet must not start a
   * formula, and no text may hold control characters ({@link TextRules}).
   */
  static List<FieldError> unsafeText(ProfileRequest request) {
    PathwayDetails.Student student = request.student();
    PathwayDetails.Retrainer retrainer = request.retrainer();
    TextRules.Check check =
        TextRules.check()
            .line("student.course", student == null ? null : student.course())
            .line("student.institution", student == null ? null : student.institution())
            .line("retrainer.occupation", retrainer == null ? null : retrainer.occupation())
            .eachLine("desiredSectors", request.desiredSectors())
            .lines("adjustments", request.adjustments());
    List<ProfileRequest.Qualification> qualifications =
        request.qualifications() == null ? List.of() : request.qualifications();
    for (int i = 0; i < qualifications.size(); i++) {
      check.line("qualifications[" + i + "].title", qualifications.get(i).title());
    }
    return check.errors();
  }

  /**
   * @param evidencedBy the university vouching for the skills, or {@code null} for the person's own
   *     word
   */
  public Profile check(ProfileRequest request, String evidencedBy) {
    Problems problems = new Problems();
    problems.add(unsafeText(request));
    problems.attempt(() -> checkPathway(request));
    List<SkillLevel> resolved =
        problems.attempt(() -> catalogue.resolve("skills", request.skills()));
    Occupation occupation =
        request.retrainer() == null
            ? null
            : problems.attempt(
                () ->
                    catalogue.resolveOccupation(
                        "retrainer.occupation", request.retrainer().occupation()));
    String outcode = problems.attempt(() -> outcodes.resolve("outcode", request.outcode()));
    problems.throwIfAny("The profile cannot be accepted as it stands.");
    List<Profile.Skill> skills = new ArrayList<>(resolved.size());
    for (int i = 0; i < resolved.size(); i++) {
      SkillLevel skill = resolved.get(i);
      skills.add(
          new Profile.Skill(
              skill.skillId(),
              catalogue.label(skill.skillId()),
              skill.level(),
              request.skills().get(i).years(),
              evidencedBy));
    }
    Profile.Retrainer retrainer =
        occupation == null
            ? null
            : new Profile.Retrainer(
                occupation.id(),
                occupation.preferredLabel(),
                !Boolean.FALSE.equals(request.retrainer().willingToTrain()));
    return new Profile(
        request.pathway(),
        skills,
        outcode,
        request.consentToMatch(),
        Boolean.TRUE.equals(request.consentToContact()),
        request.yearsExperience(),
        request.workMode(),
        request.maxCommuteKm(),
        request.salaryExpectation(),
        request.availableFrom(),
        request.student(),
        retrainer,
        request.experienced(),
        request.qualifications() == null
            ? List.of()
            : request.qualifications().stream()
                .map(q -> new Profile.Qualification(q.title().trim(), q.rqfLevel(), evidencedBy))
                .toList(),
        request.desiredSectors() == null
            ? List.of()
            : request.desiredSectors().stream()
                .map(s -> s.trim().toLowerCase(Locale.ROOT))
                .distinct()
                .toList(),
        new Profile.Inclusion(
            Boolean.TRUE.equals(request.needsDevice()),
            Boolean.TRUE.equals(request.mobileOnly()),
            request.adjustments() == null || request.adjustments().isBlank()
                ? null
                : request.adjustments().trim()));
  }

  private static void checkPathway(ProfileRequest request) {
    List<FieldError> errors = new ArrayList<>();
    Pathway pathway = request.pathway();
    requireOwnBlock(errors, pathway, Pathway.STUDENT, "student", request.student() != null);
    requireOwnBlock(errors, pathway, Pathway.RETRAINER, "retrainer", request.retrainer() != null);
    requireOwnBlock(
        errors, pathway, Pathway.EXPERIENCED, "experienced", request.experienced() != null);
    if (pathway == Pathway.EXPERIENCED
        && (request.yearsExperience() == null
            || request.yearsExperience() < EXPERIENCED_MIN_YEARS)) {
      errors.add(
          new FieldError(
              "yearsExperience",
              "must be "
                  + EXPERIENCED_MIN_YEARS
                  + " or more for the experienced pathway; with fewer, choose the retrainer or"
                  + " student pathway"));
    }
    if (request.student() != null
        && request.student().graduationDate() != null
        && request.student().stage() == PathwayDetails.Stage.SCHOOL_LEAVER) {
      errors.add(
          new FieldError("student.graduationDate", "is for undergraduates and graduates only"));
    }
    if (!errors.isEmpty()) {
      throw new ApiProblemException(
          HttpStatus.BAD_REQUEST, "The profile does not fit its pathway.", errors);
    }
  }

  private static void requireOwnBlock(
      List<FieldError> errors, Pathway chosen, Pathway owner, String field, boolean present) {
    if (chosen == owner && !present) {
      errors.add(new FieldError(field, "is required for the " + describe(owner) + " pathway"));
    } else if (chosen != owner && present) {
      errors.add(
          new FieldError(
              field, "belongs to the " + describe(owner) + " pathway, not " + describe(chosen)));
    }
  }

  private static String describe(Pathway pathway) {
    return pathway.name().toLowerCase(Locale.ROOT);
  }
}
