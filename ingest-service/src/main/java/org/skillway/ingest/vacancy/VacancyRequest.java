package org.skillway.ingest.vacancy;

import jakarta.validation.Valid;
import jakarta.validation.constraints.FutureOrPresent;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotEmpty;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.skillway.events.Seniority;
import org.skillway.events.VacancyKind;
import org.skillway.events.WorkMode;
import org.skillway.ingest.skill.Outcodes;
import org.skillway.ingest.skill.SkillRequest;

/** What an employer sends to post a vacancy. Fields after {@code closingDate} are optional. */
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
    Boolean deviceProvided) {}
