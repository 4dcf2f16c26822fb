package org.skillway.ingest.organisation;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.skillway.support.FieldError;
import org.skillway.support.Role;

class DisplayNameTest {
  @Test
  void aNameIsKeptTrimmedAndMayHoldLettersOfAnyScriptAndPunctuation() {
    assertThat(DisplayName.normalise("  Caf\u00e9 & Co (Preston) Ltd.  "))
        .isEqualTo("Caf\u00e9 & Co (Preston) Ltd.");
    assertThat(DisplayName.problems("  Caf\u00e9 & Co (Preston) Ltd.  ")).isEmpty();
    assertThat(DisplayName.problems("\u062f\u0627\u0646\u0634\u06af\u0627\u0647")).isEmpty();
  }

  @Test
  void theLengthIsCountedAfterTrimming() {
    assertThat(DisplayName.problems("   " + "a".repeat(100) + "   ")).isEmpty();
    assertThat(DisplayName.problems("a".repeat(101)))
        .containsExactly(new FieldError("displayName", "must be at most 100 characters"));
    assertThat(DisplayName.problems(" \t "))
        .containsExactly(new FieldError("displayName", "is required: 1 to 100 characters"));
  }

  @Test
  void anOrganisationWithoutANameIsCalledByItsKindNeverByItsId() {
    assertThat(DisplayName.neutral(Role.EMPLOYER)).isEqualTo("An employer");
    assertThat(DisplayName.neutral(Role.UNIVERSITY)).isEqualTo("A university");
    assertThat(DisplayName.neutral(null)).isEqualTo("An organisation");
  }
}
