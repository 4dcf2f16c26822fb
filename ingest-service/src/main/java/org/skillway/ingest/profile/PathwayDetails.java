package org.skillway.ingest.profile;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.LocalDate;
import org.skillway.events.Seniority;

/** The fields each pathway has of its own. A profile carries exactly the one of its pathway. */
public final class PathwayDetails {
  private PathwayDetails() {}

  /** Where a student is in their education. */
  public enum Stage {
    SCHOOL_LEAVER,
    UNDERGRADUATE,
    GRADUATE
  }

  /**
   * @param graduationDate when the course ends or ended, if there is one
   */
  public record Student(
      @NotNull Stage stage,
      @Size(max = 200) String course,
      @Size(max = 200) String institution,
      LocalDate graduationDate) {}

  /**
   * @param occupation the current or previous occupation: an ESCO occupation id, URI or label
   * @param willingToTrain whether the person will take training (an apprenticeship, a course)
   */
  public record Retrainer(@NotBlank @Size(max = 200) String occupation, Boolean willingToTrain) {}

  /** An experienced hire's seniority; their years of experience are a shared field (5 or more). */
  public record Experienced(@NotNull Seniority seniority) {}
}
