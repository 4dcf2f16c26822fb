package org.skillway.ingest.input;

import java.text.Normalizer;
import java.util.Locale;
import java.util.Optional;

/**
 * E-mail addresses as account keys. One address is one account however it is written, so an address
 * is compared in one form: Unicode NFC (an accented letter typed as one character or as a letter
 * and a combining accent is the same letter), trimmed, in lower case. An address that still holds
 * an invisible or combining character after that is refused: {@code sam@example.org} with a
 * zero-width space looks like Sam's address but would be another account.
 */
public final class EmailAddresses {
  public static final String HIDDEN =
      "must not contain invisible or combining characters, such as a zero-width space or an accent"
          + " on its own";

  private EmailAddresses() {}

  /** The form addresses are stored and compared in. */
  public static String normalise(String email) {
    return Normalizer.normalize(email, Normalizer.Form.NFC).trim().toLowerCase(Locale.ROOT);
  }

  /**
   * Why the address is refused, if it is: it holds a control, format, combining, space, separator,
   * private-use or unassigned character. What {@link #normalise} trims away around it (spaces and
   * control characters up to U+0020) is forgiven: it does not make another address.
   */
  public static Optional<String> problem(String email) {
    if (email == null) {
      return Optional.empty();
    }
    String composed = Normalizer.normalize(email, Normalizer.Form.NFC).trim();
    // Lower-casing can decompose (the capital I with a dot becomes i and a combining dot).
    return hidesSomething(composed) || hidesSomething(composed.toLowerCase(Locale.ROOT))
        ? Optional.of(HIDDEN)
        : Optional.empty();
  }

  private static boolean hidesSomething(String text) {
    return text.codePoints().anyMatch(EmailAddresses::isHidden);
  }

  private static boolean isHidden(int c) {
    return switch (Character.getType(c)) {
      case Character.CONTROL,
          Character.FORMAT,
          Character.NON_SPACING_MARK,
          Character.ENCLOSING_MARK,
          Character.SPACE_SEPARATOR,
          Character.LINE_SEPARATOR,
          Character.PARAGRAPH_SEPARATOR,
          Character.PRIVATE_USE,
          Character.UNASSIGNED,
          Character.SURROGATE ->
          true;
      default -> false;
    };
  }
}
