package org.skillway.matching.skill;

import java.util.List;
import java.util.Set;
import org.skillway.support.ApiProblemException;
import org.skillway.support.SearchQuery;
import org.skillway.taxonomy.Skill;
import org.skillway.taxonomy.Taxonomy;
import org.springframework.http.HttpStatus;
import org.springframework.web.bind.annotation.GetMapping;
import org.springframework.web.bind.annotation.PathVariable;
import org.springframework.web.bind.annotation.RequestParam;
import org.springframework.web.bind.annotation.RestController;

/**
 * Skills from the ESCO taxonomy. Ids are two path segments, e.g. {@code skill/000f1d3d-…} or {@code
 * isced-f/0613}.
 */
@RestController
class SkillController {

  private final Taxonomy taxonomy;

  SkillController(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** Autocomplete: labels starting with the text first, then near misses ({@link SearchQuery}). */
  @GetMapping("/api/v1/skills")
  SuggestionList suggest(
      @RequestParam(name = "q", required = false) String q,
      @RequestParam(name = "limit", required = false) String limit) {
    SearchQuery query = SearchQuery.of(q, limit);
    return new SuggestionList(
        taxonomy.version(),
        taxonomy.suggest(query.text(), query.limit()).stream()
            .map(
                s ->
                    new SuggestionView(
                        s.skill().id(),
                        s.skill().preferredLabel(),
                        s.matchedLabel(),
                        s.skill().kind().name()))
            .toList());
  }

  @GetMapping("/api/v1/skills/{scheme}/{code}")
  SkillView skill(@PathVariable String scheme, @PathVariable String code) {
    String id = scheme + "/" + code;
    Skill skill =
        taxonomy
            .byId(id)
            .orElseThrow(
                () -> new ApiProblemException(HttpStatus.NOT_FOUND, "No such skill", List.of()));
    return new SkillView(
        skill.id(),
        skill.preferredLabel(),
        skill.altLabels(),
        skill.kind().name(),
        skill.description(),
        taxonomy.broader(id),
        taxonomy.narrower(id),
        taxonomy.related(id),
        taxonomy.version());
  }

  record SuggestionList(String taxonomyVersion, List<SuggestionView> suggestions) {}

  record SuggestionView(String id, String label, String matchedLabel, String kind) {}

  record SkillView(
      String id,
      String label,
      List<String> alternativeLabels,
      String kind,
      String description,
      Set<String> broader,
      Set<String> narrower,
      Set<String> related,
      String taxonomyVersion) {}
}
