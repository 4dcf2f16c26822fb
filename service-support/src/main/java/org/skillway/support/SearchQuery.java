package org.skillway.support;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import org.springframework.http.HttpStatus;

/**
 * The text and the number of results of a look-up ({@code ?q=...&limit=...}), read as text and
 * checked here, so that every way of getting them wrong is a 400 naming the field (Bean Validation
 * on parameters surfaced as a 500), and both problems are told at once.
 *
 * @param text what to look for, trimmed
 * @param limit how many results to give
 */
public record SearchQuery(String text, int limit) {
  public static final int MAX_QUERY_LENGTH = 100;
  public static final int MAX_LIMIT = 50;
  public static final int DEFAULT_LIMIT = 10;

  /**
   * @throws ApiProblemException (400) naming {@code q} when it is missing or longer than {@value
   *     #MAX_QUERY_LENGTH} characters, and {@code limit} when it is not a whole number from 1 to
   *     {@value #MAX_LIMIT}
   */
  public static SearchQuery of(String q, String limit) {
    List<FieldError> problems = new ArrayList<>();
    String text = q == null ? "" : q.trim();
    if (text.isEmpty()) {
      problems.add(new FieldError("q", "is required"));
    } else if (text.length() > MAX_QUERY_LENGTH) {
      problems.add(new FieldError("q", "must be at most " + MAX_QUERY_LENGTH + " characters"));
    }
    int count = DEFAULT_LIMIT;
    if (limit != null) {
      try {
        count = Integer.parseInt(limit.trim());
        if (count < 1 || count > MAX_LIMIT) {
          problems.add(new FieldError("limit", "must be between 1 and " + MAX_LIMIT));
        }
      } catch (NumberFormatException notAWholeNumber) {
        problems.add(new FieldError("limit", "must be a whole number between 1 and " + MAX_LIMIT));
      }
    }
    if (!problems.isEmpty()) {
      problems.sort(Comparator.comparing(FieldError::field));
      throw new ApiProblemException(
          HttpStatus.BAD_REQUEST,
          String.join("; ", problems.stream().map(p -> p.field() + " " + p.reason()).toList()),
          problems);
    }
    return new SearchQuery(text, count);
  }
}
