package org.skillway.ingest.occupation;

import java.util.List;
import org.skillway.ingest.skill.SkillCatalogue;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
import org.skillway.support.SearchQuery;
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
    SearchQuery query = SearchQuery.of(q, limit);
    return new OccupationList(
        taxonomyVersion,
        catalogue.suggestOccupations(query.text(), query.limit()).stream()
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
