package org.skillway.ingest.web;

import java.time.LocalDate;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.skillway.events.WorkMode;
import org.skillway.ingest.profile.Profile;

/** The platform's codes in plain English, for the pages. */
public final class Words {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("d MMMM yyyy", Locale.UK);

  private Words() {}

  public static String date(LocalDate date) {
    return date == null ? "" : DATE.format(date);
  }

  private static final DateTimeFormatter DATE_TIME =
      DateTimeFormatter.ofPattern("d MMMM yyyy 'at' h:mma", Locale.UK)
          .withZone(java.time.ZoneId.of("Europe/London"));

  /** A moment as UK time, such as "1 December 2026 at 9:15am". */
  public static String dateTime(java.time.Instant instant) {
    return instant == null ? "" : DATE_TIME.format(instant).replace("AM", "am").replace("PM", "pm");
  }

  /** The first letter in capitals: the platform's reasons are written to follow a list's bullet. */
  public static String sentence(String text) {
    return text == null || text.isEmpty()
        ? ""
        : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }

  /** Where a role is worked, as a sentence; empty when the employer did not say. */
  public static String roleWorkMode(WorkMode mode) {
    return mode == null ? "" : " " + workMode(mode) + ".";
  }

  public static String workMode(WorkMode mode) {
    if (mode == null) {
      return "Anywhere";
    }
    return switch (mode) {
      case ONSITE -> "At the workplace";
      case HYBRID -> "Some days at home";
      case REMOTE -> "From home";
    };
  }

  public static String pathway(Profile profile) {
    return switch (profile.pathway()) {
      case STUDENT -> {
        var s = profile.student();
        String stage =
            s == null
                ? "Student"
                : switch (s.stage()) {
                  case SCHOOL_LEAVER -> "Leaving school or college";
                  case UNDERGRADUATE -> "At university";
                  case GRADUATE -> "Graduated";
                };
        yield s == null || s.course() == null ? stage : stage + ": " + s.course();
      }
      case RETRAINER ->
          "Changing career"
              + (profile.retrainer() == null
                  ? ""
                  : " from " + profile.retrainer().occupationLabel());
      case EXPERIENCED ->
          "Experienced"
              + (profile.yearsExperience() == null
                  ? ""
                  : ", " + profile.yearsExperience() + " years");
    };
  }

  public static String sectors(List<String> chosen, List<Choice> known) {
    if (chosen.isEmpty()) {
      return "Any";
    }
    List<String> labels = new ArrayList<>();
    for (String value : chosen) {
      labels.add(
          known.stream()
              .filter(c -> c.value().equals(value))
              .map(Choice::label)
              .findFirst()
              .orElse(value));
    }
    return String.join(", ", labels);
  }

  public static String support(Profile.Inclusion inclusion) {
    List<String> needs = new ArrayList<>();
    if (inclusion.needsDevice()) {
      needs.add("I need a device");
    }
    if (inclusion.mobileOnly()) {
      needs.add("I only use a phone");
    }
    return needs.isEmpty() ? "None given" : String.join("; ", needs);
  }

  public static String preferences(PlatformServices.Preferences p) {
    if (p == null) {
      return "Cannot be shown just now";
    }
    List<String> ways = new ArrayList<>();
    if (p.channels() != null && p.channels().contains("IN_APP")) {
      ways.add("on Skillway");
    }
    if (p.channels() != null && p.channels().contains("EMAIL")) {
      ways.add("by e-mail");
    }
    String how = ways.isEmpty() ? "Not told" : "Told " + String.join(" and ", ways);
    String when =
        p.frequency() == null
            ? ""
            : switch (p.frequency()) {
              case "DAILY" -> ", once a day";
              case "WEEKLY" -> ", once a week";
              default -> ", straight away";
            };
    String quiet =
        p.quietHours() == null
            ? ""
            : ", not between " + p.quietHours().start() + " and " + p.quietHours().end();
    String score =
        p.minimumScore() == null || p.minimumScore() == 0
            ? ""
            : ", only for scores of " + p.minimumScore() + " or more";
    return how + when + quiet + score;
  }

  public static String kind(org.skillway.events.VacancyKind kind) {
    return switch (kind) {
      case JOB -> "Job";
      case APPRENTICESHIP -> "Apprenticeship";
      case PLACEMENT -> "Placement";
    };
  }

  public static String pounds(Integer min, Integer max) {
    if (min == null && max == null) {
      return null;
    }
    java.text.NumberFormat money = java.text.NumberFormat.getIntegerInstance(Locale.UK);
    if (min != null && max != null && !min.equals(max)) {
      return "£" + money.format(min) + " to £" + money.format(max) + " a year";
    }
    return "£" + money.format(min != null ? min : max) + " a year";
  }
}
