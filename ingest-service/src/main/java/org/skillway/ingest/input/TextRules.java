package org.skillway.ingest.input;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;
import org.skillway.support.FieldError;

/**
 * Free text and identifiers as this service accepts them. Free text may reach a CSV export or a
 * spreadsheet, which runs a cell starting with {@code =}, {@code +}, {@code -} or {@code @} (or a
 * tab or carriage return before one) as a formula (OWASP "CSV injection"); it is refused at the
 * door rather than escaped at every way out. Control characters and invisible formatting characters
 * (such as a zero-width space or a right-to-left override) are refused too: they make two texts
 * that look the same compare different, and can hide what a text says.
 */
public final class TextRules {
  public static final String FORMULA =
      "must not start with =, +, -, @, a tab or a carriage return, which spreadsheets run as"
          + " formulas";
  public static final String CONTROL =
      "must not contain control characters (such as NUL) or invisible formatting characters";

  /** The ids of cohorts, uploads, vacancies, keys and owners. */
  public static final int ID_LENGTH = 64;

  /** A university's own student reference. */
  public static final int STUDENT_REF_LENGTH = 100;

  /** An identifier of up to 64 characters, for OpenAPI documentation and Bean Validation. */
  public static final String ID_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$";

  /** A student reference, likewise. */
  public static final String STUDENT_REF_PATTERN = "^[A-Za-z0-9][A-Za-z0-9._-]{0,99}$";

  private static final Pattern ID_START = Pattern.compile("[A-Za-z0-9][A-Za-z0-9._-]*");

  /** Joiners shape emoji sequences and several scripts (Persian, Hindi); they hide nothing. */
  private static final int ZERO_WIDTH_NON_JOINER = 0x200C;

  private static final int ZERO_WIDTH_JOINER = 0x200D;

  private TextRules() {}

  /**
   * Why a line of free text (a title, a course, a label) is refused, if it is.
   *
   * @param value {@code null} passes: whether a field is required is checked elsewhere
   */
  public static Optional<FieldError> line(String field, String value) {
    return text(field, value, false);
  }

  /** As {@link #line}, but line breaks are allowed inside, as in a vacancy's description. */
  public static Optional<FieldError> lines(String field, String value) {
    return text(field, value, true);
  }

  /**
   * Why an identifier is refused, if it is: 1 to {@code maxLength} ASCII letters, digits, dots,
   * hyphens or underscores, starting with a letter or digit. Nothing else can be mistaken for a
   * query operator, a path or a formula, or hide a look-alike character.
   */
  public static Optional<FieldError> identifier(String field, String value, int maxLength) {
    return isIdentifier(value, maxLength)
        ? Optional.empty()
        : Optional.of(
            new FieldError(
                field,
                "must be 1 to "
                    + maxLength
                    + " letters, digits, dots, hyphens or underscores, starting with a letter or"
                    + " digit"));
  }

  /** An identifier of up to {@value #ID_LENGTH} characters. */
  public static Optional<FieldError> identifier(String field, String value) {
    return identifier(field, value, ID_LENGTH);
  }

  public static boolean isIdentifier(String value, int maxLength) {
    return value != null
        && !value.isEmpty()
        && value.length() <= maxLength
        && ID_START.matcher(value).matches();
  }

  /** Checks several fields, collecting every problem. */
  public static Check check() {
    return new Check();
  }

  /** The problems of several fields, gathered so a caller hears of all of them at once. */
  public static final class Check {
    private final List<FieldError> errors = new ArrayList<>();

    private Check() {}

    public Check line(String field, String value) {
      TextRules.line(field, value).ifPresent(errors::add);
      return this;
    }

    public Check lines(String field, String value) {
      TextRules.lines(field, value).ifPresent(errors::add);
      return this;
    }

    /** Each entry of a list of lines, named {@code field[i]}. */
    public Check eachLine(String field, List<String> values) {
      if (values != null) {
        for (int i = 0; i < values.size(); i++) {
          line(field + "[" + i + "]", values.get(i));
        }
      }
      return this;
    }

    public Check identifier(String field, String value, int maxLength) {
      TextRules.identifier(field, value, maxLength).ifPresent(errors::add);
      return this;
    }

    public Check identifier(String field, String value) {
      return identifier(field, value, ID_LENGTH);
    }

    public List<FieldError> errors() {
      return List.copyOf(errors);
    }
  }

  private static Optional<FieldError> text(String field, String value, boolean multiLine) {
    if (value == null || value.isEmpty()) {
      return Optional.empty();
    }
    // Stored text is trimmed, so " =1+1" would be stored as "=1+1": look past leading spaces too.
    char first = value.charAt(0);
    String stripped = value.strip();
    if (first == '\t' || first == '\r' || (!stripped.isEmpty() && isFormulaStart(stripped))) {
      return Optional.of(new FieldError(field, FORMULA));
    }
    for (int i = 0; i < value.length(); ) {
      int c = value.codePointAt(i);
      i += Character.charCount(c);
      if (multiLine && (c == '\n' || c == '\r')) {
        continue;
      }
      if (isHidden(c)) {
        return Optional.of(new FieldError(field, CONTROL));
      }
    }
    return Optional.empty();
  }

  private static boolean isFormulaStart(String value) {
    char c = value.charAt(0);
    return c == '=' || c == '+' || c == '-' || c == '@';
  }

  private static boolean isHidden(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL, Character.SURROGATE -> true;
      case Character.FORMAT -> c != ZERO_WIDTH_NON_JOINER && c != ZERO_WIDTH_JOINER;
      default -> false;
    };
  }
}
