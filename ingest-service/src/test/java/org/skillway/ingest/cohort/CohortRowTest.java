package org.skillway.ingest.cohort;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillway.ingest.input.EmailAddresses;
import org.skillway.ingest.input.TextRules;
import org.skillway.ingest.profile.PathwayDetails;
import org.skillway.ingest.profile.ProfileRequest;
import org.skillway.support.FieldError;

class CohortRowTest {

  private static CohortRow row(
      String ref, String email, String course, List<ProfileRequest.Qualification> held) {
    return new CohortRow(
        ref,
        email,
        PathwayDetails.Stage.GRADUATE,
        course,
        null,
        "M1",
        List.of(),
        held,
        null,
        null,
        null,
        null,
        null);
  }

  @Test
  void aRowOfOrdinaryTextHasNothingUnsafe() {
    assertThat(
            row(
                    "s-2027.001",
                    "sam@uni.example",
                    "BSc Computing (C++), with placement",
                    List.of(new ProfileRequest.Qualification("A level Maths", 3)))
                .unsafeText())
        .isEmpty();
  }

  @Test
  void namesEachFieldThatASpreadsheetWouldRunOrThatHidesCharacters() {
    CohortRow unsafe =
        row(
            "=1+1",
            "sa\u200Bm@uni.example",
            "@course",
            List.of(
                new ProfileRequest.Qualification("A level Maths", 3),
                new ProfileRequest.Qualification("Maths\u0000", 2)));

    assertThat(unsafe.unsafeText())
        .containsExactly(
            new FieldError(
                "studentRef",
                "must be 1 to 100 letters, digits, dots, hyphens or underscores, starting with a"
                    + " letter or digit"),
            new FieldError("course", TextRules.FORMULA),
            new FieldError("qualifications[1].title", TextRules.CONTROL),
            new FieldError("email", EmailAddresses.HIDDEN));
  }
}
