package org.skillway.ingest.skill;

import java.util.ArrayList;
import java.util.List;
import java.util.function.Supplier;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
import org.springframework.http.HttpStatus;

/**
 * Gathers the problems of several checks of one request, so that the client hears of every field at
 * fault in one answer, not one at a time.
 */
public final class Problems {
  private final List<ApiProblemException> found = new ArrayList<>();

  /** Runs a check; if it refuses, remembers why and returns {@code null}. */
  public <T> T attempt(Supplier<T> check) {
    try {
      return check.get();
    } catch (ApiProblemException problem) {
      found.add(problem);
      return null;
    }
  }

  /** Remembers problems found by the caller's own checks. */
  public void add(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      found.add(new ApiProblemException(HttpStatus.BAD_REQUEST, "Invalid request", errors));
    }
  }

  /**
   * Refuses a request with these problems, if there are any: a 400 naming each field.
   *
   * @throws ApiProblemException if {@code errors} is not empty
   */
  public static void refuseIfAny(List<FieldError> errors) {
    if (!errors.isEmpty()) {
      throw new ApiProblemException(
          HttpStatus.BAD_REQUEST,
          String.join("; ", errors.stream().map(e -> e.field() + ": " + e.reason()).toList()),
          errors);
    }
  }

  public void attempt(Runnable check) {
    attempt(
        () -> {
          check.run();
          return null;
        });
  }

  /**
   * Throws the one problem as it was, or all of them together under {@code detail}.
   *
   * @throws ApiProblemException if any check refused
   */
  public void throwIfAny(String detail) {
    if (found.size() == 1) {
      throw found.get(0);
    }
    if (!found.isEmpty()) {
      List<FieldError> errors = new ArrayList<>();
      found.forEach(problem -> errors.addAll(problem.errors()));
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, detail, errors);
    }
  }
}
