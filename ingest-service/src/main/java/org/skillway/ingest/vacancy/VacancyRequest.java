package org.skillway.ingest.vacancy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.DecimalMin;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.math.BigDecimal;
import java.time.LocalDate;
import java.util.List;
import org.skillway.events.Seniority;
import org.skillway.events.VacancyKind;
import org.skillway.events.WorkMode;
import org.skillway.ingest.skill.Outcodes;
import org.skillway.ingest.skill.SkillRequest;

/**
 * What an employer sends to post or replace a vacancy. {@code title}, {@code kind}, {@code
 * requiredSkills}, {@code outcode} and {@code closingDate} are required, and {@code apprenticeship}
 * for an apprenticeship; the rest is optional.
 *
 * @param description the advert's text, checked for discriminatory wording like the title
 * @param sector such as {@code digital}, {@code health} or {@code manufacturing}
 * @param occupation an ESCO occupation id, URI or label
 * @param positions how many people the employer will take on (1 if not given)
 * @param flexibleHours the role can be worked flexibly
 * @param disabilityConfident the employer is signed up to the Disability Confident scheme
 * @param additionalOutcodes other places the role is offered besides {@code outcode}: up to 9, so
 *     10 in all
 * @param nationwide the role can be taken up anywhere in the UK
 */
public record VacancyRequest(
    @NotBlank @Size(max = 200) String title,
    @NotNull VacancyKind kind,
    @NotEmpty @Size(max = 30) List<@NotNull @Valid SkillRequest> requiredSkills,
    @NotNull @Pattern(regexp = Outcodes.PATTERN, message = Outcodes.MESSAGE) String outcode,
    @NotNull @FutureOrPresent LocalDate closingDate,
    @Size(max = 30) List<@NotNull @Valid SkillRequest> niceToHaveSkills,
    Seniority level,
    @Min(0) @Max(70) Integer minYears,
    WorkMode workMode,
    @Min(0) @Max(1_000_000) Integer salaryMin,
    @Min(0) @Max(1_000_000) Integer salaryMax,
    LocalDate startDate,
    Boolean deviceProvided,
    @Size(max = 5_000) String description,
    @Size(max = 100) String sector,
    @Size(max = 200) String occupation,
    @Min(1) @Max(1_000) Integer positions,
    Boolean flexibleHours,
    Boolean disabilityConfident,
    @Valid Apprenticeship apprenticeship,
    @Size(max = 9, message = "may name at most 9 places besides outcode (10 in all)")
        List<@NotNull @Pattern(regexp = Outcodes.PATTERN, message = Outcodes.MESSAGE) String>
            additionalOutcodes,
    Boolean nationwide) {

  /**
   * The terms an apprenticeship must state.
   *
   * @param standard the apprenticeship standard, such as {@code Software developer (ST0116)}
   * @param level the standard's level, 2 (intermediate) to 7 (master's degree)
   * @param weeklyHours paid hours a week, training included
   * @param hourlyWage pounds an hour
   */
  public record Apprenticeship(
      @NotBlank @Size(max = 200) String standard,
      @NotNull @Min(2) @Max(7) Integer level,
      @NotNull @Min(1) @Max(48) Integer weeklyHours,
      @NotNull @DecimalMin("0.00") BigDecimal hourlyWage) {}
}
