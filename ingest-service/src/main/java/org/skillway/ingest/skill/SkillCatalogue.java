package org.skillway.ingest.skill;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.skillway.events.SkillLevel;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
import org.skillway.taxonomy.Occupation;
import org.skillway.taxonomy.Skill;
import org.skillway.taxonomy.Suggestion;
import org.skillway.taxonomy.Taxonomy;
import org.springframework.http.HttpStatus;

/**
 * Checks skills against the bundled ESCO taxonomy. A skill may be sent as its ESCO id, its ESCO
 * URI, or any of its labels in ESCO v1.2.0 or v1.1.1 (preferred or alternative, ignoring case,
 * punctuation and British or American spelling; see {@link Taxonomy#lookup}); it is stored under
 * its ESCO id. A skill the taxonomy does not know is refused with the nearest labels.
 */
public final class SkillCatalogue {
  private static final int SUGGESTIONS = 3;

  private final Taxonomy taxonomy;

  public SkillCatalogue(Taxonomy taxonomy) {
    this.taxonomy = taxonomy;
  }

  /** The skill or group a person typed, by id, URI or exact label; empty when none is exact. */
  public java.util.Optional<String> exact(String typed) {
    return taxonomy.lookup(typed).map(Skill::id);
  }

  /** Skills whose labels start with or resemble what a person is typing, best first, one each. */
  public List<FieldError.Suggestion> suggest(String typed, int limit) {
    if (typed == null || typed.isBlank()) {
      return List.of();
    }
    return taxonomy.suggest(typed, limit * 2).stream()
        .map(s -> new FieldError.Suggestion(s.skill().id(), s.skill().preferredLabel()))
        .distinct()
        .limit(limit)
        .toList();
  }

  /** The preferred label of a stored skill id; the id itself if the taxonomy no longer has it. */
  public String label(String skillId) {
    return taxonomy.byId(skillId).map(Skill::preferredLabel).orElse(skillId);
  }

  /**
   * The current skill or skill group a request names, read as {@link #resolve} reads it; empty when
   * it names none (or a retired one).
   */
  public Optional<Skill> find(String idUriOrLabel) {
    return taxonomy.lookup(idUriOrLabel.trim());
  }

  /**
   * Resolves each requested skill to its ESCO id.
   *
   * @param field the request field holding the list, to name each entry at fault
   * @throws ApiProblemException naming every unknown skill, with suggestions, and every skill named
   *     twice (perhaps under two labels)
   */
  public List<SkillLevel> resolve(String field, List<SkillRequest> requests) {
    List<SkillLevel> skills = new ArrayList<>(requests.size());
    Map<String, Integer> firstIndex = new HashMap<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      String at = field + "[" + i + "].skillId";
      String asked = requests.get(i).skillId().trim();
      Optional<Skill> skill = find(asked);
      if (skill.isEmpty()) {
        Optional<Skill> retired = taxonomy.byId(asked).filter(Skill::retired);
        errors.add(retired.isPresent() ? retired(at, retired.get()) : unknown(at, asked));
        continue;
      }
      String id = skill.get().id();
      Integer earlier = firstIndex.putIfAbsent(id, i);
      if (earlier != null) {
        errors.add(
            new FieldError(
                at,
                "names the same skill as "
                    + field
                    + "["
                    + earlier
                    + "] ('"
                    + skill.get().preferredLabel()
                    + "')"));
      } else {
        skills.add(new SkillLevel(id, requests.get(i).level(), requests.get(i).weight(), null));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiProblemException(
          HttpStatus.BAD_REQUEST,
          "Each skill must be an ESCO skill or skill group, named once.",
          errors);
    }
    return skills;
  }

  /** A concept ESCO no longer names: kept for what was stored, not taken for anything new. */
  private FieldError retired(String field, Skill skill) {
    return new FieldError(
        field,
        "'"
            + skill.preferredLabel()
            + "' was retired from ESCO in version 1.2.0 and cannot be added any more; choose a"
            + " current skill",
        suggest(skill.preferredLabel(), SUGGESTIONS));
  }

  /**
   * The ESCO occupation for an id, URI or label.
   *
   * @throws ApiProblemException naming {@code field}, with the nearest occupations, when there is
   *     none
   */
  public Occupation resolveOccupation(String field, String idOrLabel) {
    String asked = idOrLabel.trim();
    Optional<Occupation> found = findOccupation(asked);
    if (found.isPresent()) {
      return found.get();
    }
    List<FieldError.Suggestion> suggestions =
        taxonomy.suggestOccupations(asked, SUGGESTIONS).stream()
            .map(o -> new FieldError.Suggestion(o.id(), o.preferredLabel()))
            .distinct()
            .toList();
    throw new ApiProblemException(
        HttpStatus.BAD_REQUEST,
        field + ": not an ESCO occupation",
        List.of(
            new FieldError(
                field,
                didYouMean("'" + asked + "' is not an occupation in ESCO", suggestions),
                suggestions)));
  }

  /** The occupation an id, URI or label names, read as {@link #resolveOccupation} reads it. */
  public Optional<Occupation> findOccupation(String idUriOrLabel) {
    String asked = idUriOrLabel.trim();
    return taxonomy.occupation(asked).or(() -> taxonomy.lookupOccupation(asked));
  }

  private static String didYouMean(String reason, List<FieldError.Suggestion> suggestions) {
    if (suggestions.isEmpty()) {
      return reason;
    }
    return reason
        + "; did you mean "
        + String.join(" or ", suggestions.stream().map(s -> "'" + s.label() + "'").toList())
        + "?";
  }

  private FieldError unknown(String at, String asked) {
    List<Suggestion> near = taxonomy.suggest(asked, SUGGESTIONS);
    List<FieldError.Suggestion> suggestions =
        near.stream()
            .map(s -> new FieldError.Suggestion(s.skill().id(), s.skill().preferredLabel()))
            .distinct()
            .toList();
    String reason = "'" + asked + "' is not a skill in the ESCO taxonomy";
    if (!suggestions.isEmpty()) {
      reason +=
          "; did you mean "
              + String.join(" or ", suggestions.stream().map(s -> "'" + s.label() + "'").toList())
              + "?";
    }
    return new FieldError(at, reason, suggestions);
  }

  /** The bundled taxonomy's version, as matches record it. */
  public String taxonomyVersion() {
    return taxonomy.version();
  }

  /** Occupations whose labels start with or resemble the text, best first. */
  public List<Occupation> suggestOccupations(String typed, int limit) {
    if (typed == null || typed.isBlank()) {
      return List.of();
    }
    return taxonomy.suggestOccupations(typed, limit);
  }

  /** An occupation by its id ({@code occupation/…}) or URI. */
  public Optional<Occupation> occupation(String id) {
    return taxonomy.occupation(id);
  }

  /** The skills ESCO calls essential for an occupation, each with its label, in ESCO's order. */
  public List<FieldError.Suggestion> essentialSkills(String occupationId) {
    return named(taxonomy.essentialSkills(occupationId));
  }

  /** The skills ESCO calls optional for an occupation. */
  public List<FieldError.Suggestion> optionalSkills(String occupationId) {
    return named(taxonomy.optionalSkills(occupationId));
  }

  /**
   * The occupation's essential skills that are not among {@code listed}: what a vacancy for it
   * probably also needs. A suggestion for the employer, never added by itself.
   */
  public List<FieldError.Suggestion> essentialSkillsLeftOut(
      String occupationId, java.util.Collection<String> listed) {
    if (occupationId == null) {
      return List.of();
    }
    java.util.Set<String> have = java.util.Set.copyOf(listed);
    return essentialSkills(occupationId).stream().filter(s -> !have.contains(s.value())).toList();
  }

  private List<FieldError.Suggestion> named(List<String> ids) {
    return ids.stream()
        .map(id -> taxonomy.byId(id))
        .flatMap(Optional::stream)
        .filter(skill -> !skill.retired())
        .map(skill -> new FieldError.Suggestion(skill.id(), skill.preferredLabel()))
        .toList();
  }
}
