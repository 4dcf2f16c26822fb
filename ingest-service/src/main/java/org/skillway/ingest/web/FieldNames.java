package org.skillway.ingest.web;

import java.util.Map;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;

/**
 * Puts the problems the platform's checks found (named by their API field path, such as {@code
 * profile.student.stage}) against the form fields a person sees, in words: the field's label and
 * the reason, such as "Postcode area must be a UK postcode outcode such as M1 or PR1".
 */
final class FieldNames {
  private FieldNames() {}

  /**
   * @param labels each form field's label as a sentence starts it
   * @param fallback the field to show a problem against when it names none of the form's
   */
  static Form apply(
      ApiProblemException problem, Form form, Map<String, String> labels, String fallback) {
    if (problem.errors().isEmpty()) {
      return form.error(fallback, problem.getMessage());
    }
    for (FieldError error : problem.errors()) {
      String field = formField(error.field());
      if (!labels.containsKey(field)) {
        form.error(fallback, sentence(error.field() + " " + error.reason()));
      } else {
        form.error(field, labels.get(field) + " " + error.reason());
      }
    }
    return form;
  }

  /**
   * {@code profile.student.stage} is the form's {@code stage}; {@code skills[0].skillId} its {@code
   * skill}.
   */
  static String formField(String apiField) {
    String field = apiField.startsWith("profile.") ? apiField.substring(8) : apiField;
    if (field.startsWith("skills")) {
      return "skill";
    }
    int dot = field.lastIndexOf('.');
    return dot < 0 ? field : field.substring(dot + 1);
  }

  private static String sentence(String text) {
    return text.isEmpty() ? text : Character.toUpperCase(text.charAt(0)) + text.substring(1);
  }
}
