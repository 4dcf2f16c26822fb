package org.skillway.ingest.vacancy;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.skillway.support.FieldError;

/**
 * Finds wording in a vacancy that may discriminate under the Equality Act 2010 (age, sex and the
 * other protected characteristics), from a configured list of phrases matched as whole words,
 * ignoring case. It is a prompt, not legal advice: the list is the operators' to keep.
 */
final class EqualityWording {
  private final List<Pattern> phrases;

  EqualityWording(List<String> phrases) {
    this.phrases =
        phrases.stream()
            .map(p -> p.trim().toLowerCase(Locale.ROOT))
            .filter(p -> !p.isEmpty())
            .map(p -> Pattern.compile("\\b" + Pattern.quote(p) + "\\b", Pattern.CASE_INSENSITIVE))
            .toList();
  }

  /** One error per phrase found in {@code text}, naming the phrase and where it starts. */
  List<FieldError> check(String field, String text) {
    List<FieldError> found = new ArrayList<>();
    if (text == null) {
      return found;
    }
    for (Pattern phrase : phrases) {
      Matcher matcher = phrase.matcher(text);
      while (matcher.find()) {
        found.add(
            new FieldError(
                field,
                "contains '"
                    + matcher.group()
                    + "' at character "
                    + (matcher.start() + 1)
                    + ", wording that may discriminate under the Equality Act 2010; describe the"
                    + " work and the skills it needs, not the person"));
      }
    }
    return found;
  }
}
