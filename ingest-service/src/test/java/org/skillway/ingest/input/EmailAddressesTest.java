package org.skillway.ingest.input;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

class EmailAddressesTest {

  @Test
  void oneAddressHasOneFormWhateverItsCaseSpacesAndUnicodeForm() {
    String composed = "jos\u00E9@example.org";
    String decomposed = "jose\u0301@example.org";

    assertThat(EmailAddresses.normalise("  JOS\u00C9@Example.ORG ")).isEqualTo(composed);
    assertThat(EmailAddresses.normalise(decomposed)).isEqualTo(composed);
    assertThat(EmailAddresses.problem(decomposed)).isEmpty();
    assertThat(EmailAddresses.problem(" Sam@Example.org\t")).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "sa\u200Bm@example.org", // zero-width space (Cf)
        "sam\u2060@example.org", // word joiner (Cf)
        "\u202Esam@example.org", // right-to-left override (Cf)
        "sam@exam\u00ADple.org", // soft hyphen (Cf)
        "sa\u0336m@example.org", // combining long stroke overlay (Mn), which NFC keeps
        "sam\u20DD@example.org", // combining enclosing circle (Me)
        "sam\u0000@example.org", // NUL (Cc)
        "sam\u00A0@example.org", // no-break space (Zs)
        "sam@example.org\u3000", // ideographic space (Zs), which trimming keeps
        "sam\u2028@example.org", // line separator (Zl)
        "sam\u2029@example.org", // paragraph separator (Zp)
        "sam\uE000@example.org", // private use (Co)
        "sam\u0378@example.org", // unassigned (Cn)
        "\u0130sam@example.org" // capital I with a dot: lower case gives i and a combining dot
      })
  void refusesAnAddressHidingAnInvisibleOrCombiningCharacter(String email) {
    assertThat(EmailAddresses.problem(email)).contains(EmailAddresses.HIDDEN);
  }
}
