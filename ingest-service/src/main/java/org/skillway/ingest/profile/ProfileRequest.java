package org.skillway.ingest.profile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.Max;
import jakarta.validation.constraints.Min;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import java.util.List;
import org.skillway.events.Pathway;
import org.skillway.events.WorkMode;
import org.skillway.ingest.skill.Outcodes;
import org.skillway.ingest.skill.SkillRequest;

/** What a person sends to register. Fields after {@code consentToMatch} are optional. */
public record ProfileRequest(
    @NotNull Pathway pathway,
    @NotNull @Size(max = 50) List<@NotNull @Valid SkillRequest> skills,
    @NotNull @Pattern(regexp = Outcodes.PATTERN, message = Outcodes.MESSAGE) String outcode,
    @NotNull Boolean consentToMatch,
    @Min(0) @Max(70) Integer yearsExperience,
    WorkMode workMode,
    @Min(0) @Max(500) Integer maxCommuteKm,
    @Min(0) @Max(1_000_000) Integer salaryExpectation,
    LocalDate availableFrom,
    Boolean needsDevice) {}
