package org.skillway.support;

import java.util.Locale;

/**
 * Who is calling. Students sign in (a token); employers and universities use API keys; operators
 * run the platform. A token's {@code role} claim holds one of these names.
 */
public enum Role {
  STUDENT,
  EMPLOYER,
  UNIVERSITY,
  OPERATOR;

  /** The Spring Security authority, e.g. {@code ROLE_STUDENT}. */
  public String authority() {
    return "ROLE_" + name();
  }

  public static Role parse(String value) {
    return valueOf(value.trim().toUpperCase(Locale.ROOT));
  }
}
