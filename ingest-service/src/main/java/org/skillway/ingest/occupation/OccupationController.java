package org.skillway.ingest.occupation;

import java.util.ArrayList;
import java.util.List;
import org.skillway.ingest.skill.SkillCatalogue;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
import org.skillway.taxonomy.Occupation;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * ESCO occupations and the skills they need, so an employer who "doesn't know what they don't know"
 * can draft a vacancy from its occupation, and a person can see what their last job implies. Any
 * signed-in caller may read them. Ids are two path segments: {@code occupation/…}.
 */
@RestController
class OccupationController {
  static final int MAX_QUERY_LENGTH = 100;
  static final int MAX_LIMIT = 50;
  private static final int DEFAULT_LIMIT = 10;

  private final SkillCatalogue catalogue;
  private final String taxonomyVersion;

  OccupationController(SkillCatalogue catalogue) {
    this.catalogue = catalogue;
    this.taxonomyVersion = catalogue.taxonomyVersion();
  }

  /** Occupations whose names start with or resemble {@code q}, best first. */
  @GetMapping("/api/v1/occupations")
  OccupationList search(
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "limit", required = false) String limit) {
    List<FieldError> problems = new ArrayList<>();
    String text = q == null ? "" : q.trim();
    if (text.isEmpty()) {
      problems.add(new FieldError("q", "is required"));
    } else if (text.length() > MAX_QUERY_LENGTH) {
      problems.add(new FieldError("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
    }
    int count = DEFAULT_LIMIT;
    if (limit != null) {
      try {
        count = Integer.parseInt(limit.trim());
        if (count < 1 || count > MAX_LIMIT) {
          problems.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
        }
      } catch (NumberFormatException notAWholeNumber) {
        problems.add(new FieldError("limit", "must be a whole number between 1 and " + MAX_LIMIT));
      }
    }
    if (!problems.isEmpty()) {
      problems.sort(java.util.Comparator.comparing(FieldError::field));
      throw new ApiProblemException(
          HttpStatus.BAD_REQUEST,
          String.join("; ", problems.stream().map(p -> p.field() + " " + p.reason()).toList()),
          problems);
    }
    return new OccupationList(
        taxonomyVersion,
        catalogue.suggestOccupations(text, count).stream()
            .map(o -> new OccupationSummary(o.id(), o.preferredLabel()))
            .toList());
  }

  /** An occupation with the skills ESCO calls essential and optional for it. */
  @GetMapping("/api/v1/occupations/{scheme}/{code}")
  OccupationView occupation(@PathVariable String scheme, @PathVariable String code) {
    Occupation occupation =
        catalogue
            .occupation(scheme + "/" + code)
            .orElseThrow(
                () ->
                    new ApiProblemException(
                        HttpStatus.NOT_FOUND,
                        "No such occupation in the ESCO taxonomy; find one with"
                            + " GET /api/v1/occupations?q=",
                        List.of()));
    return new OccupationView(
        occupation.id(),
        occupation.preferredLabel(),
        occupation.altLabels(),
        occupation.iscoGroup(),
        skills(catalogue.essentialSkills(occupation.id())),
        skills(catalogue.optionalSkills(occupation.id())),
        taxonomyVersion);
  }

  private static List<SkillName> skills(List<FieldError.Suggestion> named) {
    return named.stream().map(s -> new SkillName(s.value(), s.label())).toList();
  }

  record OccupationList(String taxonomyVersion, List<OccupationSummary> occupations) {}

  record OccupationSummary(String id, String label) {}

  record SkillName(String id, String label) {}

  /**
   * @param iscoGroup the ISCO-08 unit group code
   * @param essentialSkills what ESCO says anyone in the occupation needs
   * @param optionalSkills what ESCO says some in it need
   */
  record OccupationView(
      String id,
      String label,
      List<String> alternativeLabels,
      String iscoGroup,
      List<SkillName> essentialSkills,
      List<SkillName> optionalSkills,
      String taxonomyVersion) {}
}
