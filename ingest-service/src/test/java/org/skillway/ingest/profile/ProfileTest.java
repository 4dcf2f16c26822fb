package org.skillway.ingest.profile;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.LocalDate;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.skillway.events.Pathway;
import org.skillway.events.WorkMode;

/** Whose word counts on a profile that a university loaded and a student then made their own. */
class ProfileTest {
  private static final String UNI = "uclan";

  private static Profile.Skill vouched(String id, int level) {
    return new Profile.Skill(id, id, level, null, UNI);
  }

  private static Profile.Skill own(String id, int level) {
    return new Profile.Skill(id, id, level, null, null);
  }

  private static Profile profile(
      List<Profile.Skill> skills,
      List<Profile.Qualification> qualifications,
      String outcode,
      boolean consent,
      String course) {
    return new Profile(
        Pathway.STUDENT,
        skills,
        outcode,
        consent,
        false,
        null,
        WorkMode.HYBRID,
        25,
        null,
        null,
        new PathwayDetails.Student(
            PathwayDetails.Stage.UNDERGRADUATE, course, UNI, LocalDate.of(2027, 7, 1)),
        null,
        null,
        qualifications,
        List.of(),
        new Profile.Inclusion(false, false, null));
  }

  @Test
  void aReuploadRefreshesWhatTheUniversityVouchesForAndLeavesTheStudentsOwnChoices() {
    Profile theirs =
        profile(
            List.of(vouched("python", 2), own("sql", 3), own("java", 4)),
            List.of(new Profile.Qualification("A level Maths", 3, UNI)),
            "M1",
            false,
            "BSc Computing");
    Profile upload =
        profile(
            List.of(vouched("python", 3), vouched("java", 2), vouched("git", 1)),
            List.of(new Profile.Qualification("Foundation year", 3, UNI)),
            "PR1",
            true,
            "BSc Computing with placement");

    Profile merged = theirs.withUniversityRecord(upload, UNI);

    // Python and Git as the university now says; Java stays at the higher level the student gave;
    // SQL is theirs alone.
    assertThat(merged.skills())
        .containsExactly(vouched("python", 3), own("java", 4), vouched("git", 1), own("sql", 3));
    assertThat(merged.qualifications())
        .containsExactly(new Profile.Qualification("Foundation year", 3, UNI));
    assertThat(merged.student().course()).isEqualTo("BSc Computing with placement");
    // Where they live and whether they agree to be matched are the student's to say.
    assertThat(merged.outcode()).isEqualTo("M1");
    assertThat(merged.consentToMatch()).isFalse();
    assertThat(merged.withUniversityRecord(upload, UNI)).isEqualTo(merged);
  }

  @Test
  void editingAProfileKeepsTheEvidenceForWhatTheStudentStillHoldsAtOrBelowTheVouchedLevel() {
    Profile loaded =
        profile(
            List.of(vouched("python", 3), vouched("java", 2)),
            List.of(new Profile.Qualification("A level Maths", 3, UNI)),
            "PR1",
            true,
            "BSc Computing");
    Profile edited =
        profile(
            List.of(own("python", 2), own("java", 4), own("sql", 1)),
            List.of(
                new Profile.Qualification("A level Maths", 3, null),
                new Profile.Qualification("First aid", 2, null)),
            "M1",
            true,
            "BSc Computing");

    Profile kept = edited.keepingEvidenceOf(loaded);

    assertThat(kept.skills()).containsExactly(vouched("python", 2), own("java", 4), own("sql", 1));
    assertThat(kept.qualifications())
        .containsExactly(
            new Profile.Qualification("A level Maths", 3, UNI),
            new Profile.Qualification("First aid", 2, null));
  }
}
