package org.skillway.ingest.vacancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.skillway.events.SkillLevel;
import org.skillway.events.VacancyKind;
import org.skillway.ingest.input.TextRules;
import org.skillway.ingest.skill.Outcodes;
import org.skillway.ingest.skill.Problems;
import org.skillway.ingest.skill.SkillCatalogue;
import org.skillway.ingest.system.IngestProperties;
import org.skillway.support.FieldError;
import org.springframework.stereotype.Component;

/**
 * The checks a vacancy needs beyond its annotations. Returns the vacancy in its stored form: skills
 * and occupation under their ESCO ids, outcode in capitals, defaults filled in.
 */
@Component
class VacancyChecks {
  private final SkillCatalogue catalogue;
  private final Outcodes outcodes;
  private final EqualityWording wording;
  private final IngestProperties.VacancyRules rules;

  VacancyChecks(SkillCatalogue catalogue, Outcodes outcodes, IngestProperties properties) {
    this.catalogue = catalogue;
    this.outcodes = outcodes;
    this.rules = properties.vacancy();
    this.wording = new EqualityWording(rules.equalityPhrases());
  }

  /**
   * The vacancy a request describes, checked: skills and occupation resolved to their ESCO ids,
   * places to their outcodes, text trimmed, defaults filled in.
   *
   * @throws ApiProblemException naming every field at fault at once
   */
  Vacancy check(VacancyRequest request) {
    // Free text may end up in an employer's or operator's spreadsheet: nothing a spreadsheet would
    // run, nothing hidden.
    List<FieldError> unsafe =
        TextRules.check()
            .line("title", request.title())
            .lines("description", request.description())
            .line("sector", request.sector())
            .line("occupation", request.occupation())
            .line(
                "apprenticeship.standard",
                request.apprenticeship() == null ? null : request.apprenticeship().standard())
            .errors();
    List<FieldError> errors = new ArrayList<>(unsafe);
    errors.addAll(wording.check("title", request.title()));
    errors.addAll(wording.check("description", request.description()));
    if (request.salaryMin() != null
        && request.salaryMax() != null
        && request.salaryMin() > request.salaryMax()) {
      errors.add(new FieldError("salaryMin", "must not exceed salaryMax"));
    }
    checkApprenticeship(request, errors);
    Problems problems = new Problems();
    problems.add(errors);
    List<Vacancy.Skill> required =
        problems.attempt(
            () -> normalised(catalogue.resolve("requiredSkills", request.requiredSkills())));
    List<Vacancy.Skill> niceToHave =
        request.niceToHaveSkills() == null
            ? List.of()
            : problems.attempt(
                () ->
                    normalised(catalogue.resolve("niceToHaveSkills", request.niceToHaveSkills())));
    String outcode = problems.attempt(() -> outcodes.resolve("outcode", request.outcode()));
    List<String> elsewhere = new ArrayList<>();
    List<FieldError> more = new ArrayList<>();
    List<String> given =
        request.additionalOutcodes() == null ? List.of() : request.additionalOutcodes();
    for (int i = 0; i < given.size(); i++) {
      String field = "additionalOutcodes[" + i + "]";
      String asked = given.get(i);
      String place = problems.attempt(() -> outcodes.resolve(field, asked));
      if (place == null) {
        continue;
      }
      if (place.equals(outcode) || elsewhere.contains(place)) {
        more.add(new FieldError(field, "names '" + place + "' again"));
      } else {
        elsewhere.add(place);
      }
    }
    if (request.niceToHaveSkills() != null) {
      for (int i = 0; i < request.niceToHaveSkills().size(); i++) {
        if (request.niceToHaveSkills().get(i).weight() != null) {
          more.add(
              new FieldError("niceToHaveSkills[" + i + "].weight", "is for required skills only"));
        }
      }
    }
    problems.add(more);
    boolean occupationUnsafe = unsafe.stream().anyMatch(e -> e.field().equals("occupation"));
    String occupation =
        request.occupation() == null || occupationUnsafe
            ? null
            : problems.attempt(
                () -> catalogue.resolveOccupation("occupation", request.occupation()).id());
    problems.throwIfAny("The vacancy cannot be posted as it stands.");
    return new Vacancy(
        request.title().trim(),
        request.kind(),
        required,
        outcode,
        request.closingDate(),
        niceToHave,
        request.level(),
        request.minYears(),
        request.workMode(),
        request.salaryMin(),
        request.salaryMax(),
        request.startDate(),
        Boolean.TRUE.equals(request.deviceProvided()),
        request.description() == null || request.description().isBlank()
            ? null
            : request.description().trim(),
        request.sector() == null ? null : request.sector().trim().toLowerCase(Locale.ROOT),
        occupation,
        request.positions() == null ? 1 : request.positions(),
        Boolean.TRUE.equals(request.flexibleHours()),
        Boolean.TRUE.equals(request.disabilityConfident()),
        request.apprenticeship(),
        List.copyOf(elsewhere),
        Boolean.TRUE.equals(request.nationwide()));
  }

  private void checkApprenticeship(VacancyRequest request, List<FieldError> errors) {
    VacancyRequest.Apprenticeship terms = request.apprenticeship();
    if (request.kind() != VacancyKind.APPRENTICESHIP) {
      if (terms != null) {
        errors.add(new FieldError("apprenticeship", "is for apprenticeships only"));
      }
      return;
    }
    if (terms == null) {
      errors.add(
          new FieldError(
              "apprenticeship",
              "is required for an apprenticeship: standard, level, weeklyHours and hourlyWage"));
      return;
    }
    if (terms.weeklyHours() < rules.apprenticeMinimumWeeklyHours()) {
      errors.add(
          new FieldError(
              "apprenticeship.weeklyHours",
              "must be at least "
                  + rules.apprenticeMinimumWeeklyHours()
                  + " hours a week, training included"));
    }
    if (terms.hourlyWage().compareTo(rules.apprenticeMinimumHourlyWage()) < 0) {
      errors.add(
          new FieldError(
              "apprenticeship.hourlyWage",
              "must be at least the apprentice minimum wage, £"
                  + rules.apprenticeMinimumHourlyWage().setScale(2, java.math.RoundingMode.HALF_UP)
                  + " an hour"));
    }
  }

  private static List<Vacancy.Skill> normalised(List<SkillLevel> skills) {
    return skills.stream().map(s -> new Vacancy.Skill(s.skillId(), s.level(), s.weight())).toList();
  }
}
