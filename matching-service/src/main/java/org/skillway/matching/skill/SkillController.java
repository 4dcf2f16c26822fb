package org.skillway.matching.skill;

import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
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
  static final int MAX_QUERY_LENGTH = 100;
  static final int MAX_LIMIT = 50;
  private static final int DEFAULT_LIMIT = 10;

  private final Taxonomy taxonomy;

  SkillController(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /**
   * Autocomplete: labels starting with the text first, then near misses. Both parameters are read
   * as text and checked here, so that every way of getting them wrong is a 400 naming the field
   * (Bean Validation on parameters surfaced as a 500), and both problems are told at once.
   */
  @GetMapping("/api/v1/skills")
  SuggestionList suggest(
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
    return new SuggestionList(
        taxonomy.version(),
        taxonomy.suggest(text, count).stream()
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
