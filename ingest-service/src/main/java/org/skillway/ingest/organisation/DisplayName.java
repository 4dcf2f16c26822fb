package org.skillway.ingest.organisation;

import java.util.List;
import org.skillway.ingest.input.TextRules;
import org.skillway.support.FieldError;
import org.skillway.support.Role;

/**
 * What an organisation may call itself, and what is said when it has not: pure rules, no I/O. A
 * name is one line of 1 to {@value #MAX_LENGTH} characters once trimmed, free of what {@link
 * TextRules} refuses in any free text (it reaches e-mails and, through matches, exports).
 */
public final class DisplayName {
  public static final String FIELD = "displayName";

  /** As the event contracts allow ({@code VacancyData.MAX_EMPLOYER_NAME}). */
  public static final int MAX_LENGTH = 100;

  private DisplayName() {}

  /** The name as it is kept: trimmed. {@code null} stays {@code null}. */
  public static String normalise(String raw) {
    return raw == null ? null : raw.strip();
  }

  /** Why this name (as sent, before trimming) is refused; empty if it is fine. */
  public static List<FieldError> problems(String raw) {
    String name = normalise(raw);
    if (name == null || name.isEmpty()) {
      return List.of(new FieldError(FIELD, "is required: 1 to " + MAX_LENGTH + " characters"));
    }
    if (name.length() > MAX_LENGTH) {
      return List.of(new FieldError(FIELD, "must be at most " + MAX_LENGTH + " characters"));
    }
    return TextRules.check().line(FIELD, raw).errors();
  }

  /**
   * What people see of an organisation that has set no name: a neutral phrase, never its id (an id
   * can be an internal code, or say more than the organisation chose to).
   */
  public static String neutral(Role role) {
    if (role == Role.EMPLOYER) {
      return "An employer";
    }
    if (role == Role.UNIVERSITY) {
      return "A university";
    }
    return "An organisation";
  }
}
