package org.skillway.ingest.cohort;

import java.io.IOException;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.time.LocalDate;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Locale;
import java.util.Set;
import java.util.function.Function;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVParser;
import org.apache.commons.csv.CSVRecord;
import org.skillway.events.WorkMode;
import org.skillway.ingest.profile.PathwayDetails;
import org.skillway.ingest.profile.ProfileRequest;
import org.skillway.ingest.skill.SkillRequest;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;

/**
 * RFC 4180 CSV with a header row (Apache Commons CSV). Columns: {@code studentRef}, {@code email},
 * {@code stage}, {@code outcode}, {@code skills} (required), {@code course}, {@code
 * graduationDate}, {@code qualifications}, {@code consentToMatch}, {@code workMode}, {@code
 * maxCommuteKm}, {@code availableFrom}, {@code needsDevice}. {@code skills} is {@code
 * label-or-id:level} entries separated by {@code ;} ({@code Python:3;SQL:2}); {@code
 * qualifications} is {@code title:rqfLevel} entries the same way.
 */
final class CsvRows implements RowSource {
  static final Set<String> REQUIRED = Set.of("studentRef", "email", "stage", "outcode", "skills");

  private final CSVParser parser;
  private final Iterator<CSVRecord> records;

  CsvRows(Reader reader) {
    try {
      parser =
          CSVFormat.RFC4180
              .builder()
              .setHeader()
              .setSkipHeaderRecord(true)
              .setIgnoreEmptyLines(true)
              .setTrim(true)
              .get()
              .parse(reader);
    } catch (IOException | RuntimeException e) {
      throw ApiProblemException.invalid("body", "is not a CSV file with a header row");
    }
    List<String> missing =
        REQUIRED.stream().filter(c -> !parser.getHeaderMap().containsKey(c)).sorted().toList();
    if (!missing.isEmpty()) {
      throw ApiProblemException.invalid(
          "header", "lacks the column(s) " + String.join(", ", missing));
    }
    records = parser.iterator();
  }

  @Override
  public Read next() {
    CSVRecord record;
    try {
      if (!records.hasNext()) {
        return null;
      }
      record = records.next();
    } catch (UncheckedIOException | IllegalStateException e) {
      throw ApiProblemException.invalid(
          "body", "is not valid CSV after line " + parser.getCurrentLineNumber());
    }
    // Commons CSV counts the header as line 1.
    long line = record.getRecordNumber() + 1;
    List<FieldError> errors = new ArrayList<>();
    String ref = text(record, "studentRef");
    CohortRow row =
        new CohortRow(
            ref,
            text(record, "email"),
            parse(
                record,
                "stage",
                errors,
                v -> PathwayDetails.Stage.valueOf(upper(v)),
                "must be one of [SCHOOL_LEAVER, UNDERGRADUATE, GRADUATE]"),
            text(record, "course"),
            parse(
                record,
                "graduationDate",
                errors,
                LocalDate::parse,
                "must be a date like 2027-07-01"),
            text(record, "outcode"),
            parse(
                record,
                "skills",
                errors,
                CsvRows::skills,
                "must be entries like Python:3, separated by ;"),
            parse(
                record,
                "qualifications",
                errors,
                CsvRows::qualifications,
                "must be entries like A level Biology:3, separated by ;"),
            parse(record, "consentToMatch", errors, CsvRows::bool, "must be true or false"),
            parse(
                record,
                "workMode",
                errors,
                v -> WorkMode.valueOf(upper(v)),
                "must be one of [ONSITE, HYBRID, REMOTE]"),
            parse(record, "maxCommuteKm", errors, Integer::valueOf, "must be a whole number"),
            parse(
                record,
                "availableFrom",
                errors,
                LocalDate::parse,
                "must be a date like 2027-07-01"),
            parse(record, "needsDevice", errors, CsvRows::bool, "must be true or false"));
    if (row.skills() == null && errors.stream().noneMatch(e -> e.field().equals("skills"))) {
      // An empty skills cell: a student with no skills yet.
      row =
          new CohortRow(
              row.studentRef(),
              row.email(),
              row.stage(),
              row.course(),
              row.graduationDate(),
              row.outcode(),
              List.of(),
              row.qualifications(),
              row.consentToMatch(),
              row.workMode(),
              row.maxCommuteKm(),
              row.availableFrom(),
              row.needsDevice());
    }
    return new Read(line, ref, row, errors);
  }

  private static String text(CSVRecord record, String column) {
    if (!record.isMapped(column) || !record.isSet(column)) {
      return null;
    }
    String value = record.get(column);
    return value.isEmpty() ? null : value;
  }

  private static <T> T parse(
      CSVRecord record,
      String column,
      List<FieldError> errors,
      Function<String, T> parser,
      String reason) {
    String value = text(record, column);
    if (value == null) {
      return null;
    }
    try {
      return parser.apply(value);
    } catch (IllegalArgumentException | DateTimeParseException e) {
      errors.add(new FieldError(column, reason));
      return null;
    }
  }

  private static String upper(String value) {
    return value.trim().toUpperCase(Locale.ROOT).replace(' ', '_').replace('-', '_');
  }

  private static Boolean bool(String value) {
    return switch (value.trim().toLowerCase(Locale.ROOT)) {
      case "true", "yes", "y", "1" -> true;
      case "false", "no", "n", "0" -> false;
      default -> throw new IllegalArgumentException(value);
    };
  }

  private static List<SkillRequest> skills(String value) {
    return entries(value).stream().map(e -> new SkillRequest(e[0], Integer.valueOf(e[1]))).toList();
  }

  private static List<ProfileRequest.Qualification> qualifications(String value) {
    return entries(value).stream()
        .map(e -> new ProfileRequest.Qualification(e[0], Integer.valueOf(e[1])))
        .toList();
  }

  /** {@code name:number} entries separated by {@code ;}; the last colon separates the number. */
  private static List<String[]> entries(String value) {
    List<String[]> entries = new ArrayList<>();
    for (String entry : value.split(";")) {
      if (entry.isBlank()) {
        continue;
      }
      int colon = entry.lastIndexOf(':');
      if (colon <= 0 || colon == entry.length() - 1) {
        throw new IllegalArgumentException(entry);
      }
      entries.add(
          new String[] {entry.substring(0, colon).trim(), entry.substring(colon + 1).trim()});
    }
    return entries;
  }

  @Override
  public void close() throws IOException {
    parser.close();
  }
}
