package org.skillway.ingest.input;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import org.skillway.support.FieldError;

class TextRulesTest {

  @ParameterizedTest
  @ValueSource(
      strings = {
        "=HYPERLINK(\"http://evil.example\")",
        "+44 7700 900000",
        "-2+3",
        "@SUM(A1:A2)",
        "\t=1+1",
        "\tplain after a tab",
        "\rplain after a return",
        "   =1+1"
      })
  void refusesTextThatASpreadsheetWouldRunAsAFormula(String text) {
    assertThat(TextRules.line("title", text)).contains(new FieldError("title", TextRules.FORMULA));
    assertThat(TextRules.lines("description", text))
        .contains(new FieldError("description", TextRules.FORMULA));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "BSc\u0000Computing", // NUL
        "Ring\u0007", // bell
        "Java\u001Bdeveloper", // escape
        "Zero\u200Bwidth", // zero-width space
        "Dev\u202Eeloper", // right-to-left override
        "Soft\u00ADhyphen",
        "Byte\uFEFForder",
        "Lone \uD800 surrogate",
        "Next\u0085line" // a C1 control
      })
  void refusesControlAndInvisibleFormattingCharactersAnywhere(String text) {
    assertThat(TextRules.line("course", text))
        .contains(new FieldError("course", TextRules.CONTROL));
    assertThat(TextRules.lines("course", text))
        .contains(new FieldError("course", TextRules.CONTROL));
  }

  @Test
  void lineBreaksAreForTextOfSeveralLinesOnly() {
    String advert = "Build our booking app.\n\nWork with a kind team.\r\n";

    assertThat(TextRules.lines("description", advert)).isEmpty();
    assertThat(TextRules.line("title", advert))
        .contains(new FieldError("title", TextRules.CONTROL));
    assertThat(TextRules.lines("description", "Tabs\tare not line breaks"))
        .contains(new FieldError("description", TextRules.CONTROL));
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "C++ / C# developer - 2027 intake @ Preston",
        "Café assistant",
        "Ingénieur·e logiciel",
        "Developer \uD83D\uDC69\u200D\uD83D\uDCBB", // a zero-width joiner in an emoji
        "\u0645\u06CC\u200C\u062E\u0648\u0627\u0647\u0645", // a zero-width non-joiner in Persian
        "",
        "a=b"
      })
  void keepsOrdinaryTextWhateverItsSignsInside(String text) {
    assertThat(TextRules.line("title", text)).isEmpty();
  }

  @Test
  void passesMissingTextForTheRequiredChecksToJudge() {
    assertThat(TextRules.line("title", null)).isEmpty();
    assertThat(TextRules.identifier("cohortId", null)).map(FieldError::field).contains("cohortId");
  }

  @ParameterizedTest
  @ValueSource(
      strings = {
        "c1",
        "computing-2027",
        "UCLAN_2027.a",
        "9",
        "a123456789b123456789c123456789d123456789e123456789f123456789g123"
      })
  void anIdentifierIsAsciiLettersDigitsDotsHyphensAndUnderscores(String id) {
    assertThat(TextRules.identifier("cohortId", id)).isEmpty();
  }

  @ParameterizedTest
  @ValueSource(
      strings = {"", "💥", "*", "~", "{\"$gt\":\"\"}", "-x", ".x", "_x", "a b", "x\u200By", "é"})
  void anythingElseIsNoIdentifier(String id) {
    assertThat(TextRules.identifier("cohortId", id))
        .contains(
            new FieldError(
                "cohortId",
                "must be 1 to 64 letters, digits, dots, hyphens or underscores, starting with a"
                    + " letter or digit"));
  }

  @Test
  void anIdentifierHasAMaximumLength() {
    assertThat(TextRules.identifier("cohortId", "a".repeat(65))).isPresent();
    assertThat(TextRules.identifier("studentRef", "a".repeat(100), 100)).isEmpty();
    assertThat(TextRules.identifier("studentRef", "a".repeat(101), 100)).isPresent();
    assertThat(TextRules.ID_PATTERN).isEqualTo("^[A-Za-z0-9][A-Za-z0-9._-]{0,63}$");
    assertThat("a".repeat(100)).matches(TextRules.STUDENT_REF_PATTERN);
  }

  @Test
  void aCheckOfSeveralFieldsNamesEveryOneAtFault() {
    List<FieldError> errors =
        TextRules.check()
            .line("title", "=1")
            .lines("description", "fine\nfine")
            .eachLine("desiredSectors", List.of("digital", "@risk"))
            .identifier("studentRef", "s 1", 100)
            .errors();

    assertThat(errors)
        .extracting(FieldError::field)
        .containsExactly("title", "desiredSectors[1]", "studentRef");
  }
}
