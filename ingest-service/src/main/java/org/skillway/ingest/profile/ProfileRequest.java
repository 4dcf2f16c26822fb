package org.skillway.ingest.profile;

import jakarta.validation.Valid;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Pattern;
import jakarta.validation.constraints.Size;
import java.util.List;
import org.skillway.events.Pathway;
import org.skillway.ingest.skill.Outcodes;
import org.skillway.ingest.skill.SkillRequest;

/** What a person sends to register. */
public record ProfileRequest(
    @NotNull Pathway pathway,
    @NotNull @Size(max = 50) List<@NotNull @Valid SkillRequest> skills,
    @NotNull @Pattern(regexp = Outcodes.PATTERN, message = Outcodes.MESSAGE) String outcode,
    @NotNull Boolean consentToMatch) {}
