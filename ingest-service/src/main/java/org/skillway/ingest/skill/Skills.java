package org.skillway.ingest.skill;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import org.skillway.events.SkillLevel;
import org.skillway.support.ApiProblemException;
import org.skillway.support.FieldError;
import org.springframework.http.HttpStatus;

/**
 * Turns validated skill requests into event skills: ids trimmed and lower-cased, duplicates
 * refused.
 */
public final class Skills {
  private Skills() {}

  /**
   * @param field the request field holding the list, used to name the duplicate in the error
   * @throws ApiProblemException naming each repeated entry
   */
  public static List<SkillLevel> normalise(String field, List<SkillRequest> requests) {
    List<SkillLevel> skills = new ArrayList<>(requests.size());
    Map<String, Integer> firstIndex = new HashMap<>();
    List<FieldError> errors = new ArrayList<>();
    for (int i = 0; i < requests.size(); i++) {
      String id = requests.get(i).skillId().trim().toLowerCase(Locale.ROOT);
      Integer earlier = firstIndex.putIfAbsent(id, i);
      if (earlier != null) {
        errors.add(
            new FieldError(
                field + "[" + i + "].skillId",
                "repeats " + field + "[" + earlier + "] ('" + id + "')"));
      } else {
        skills.add(new SkillLevel(id, requests.get(i).level()));
      }
    }
    if (!errors.isEmpty()) {
      throw new ApiProblemException(HttpStatus.BAD_REQUEST, "Each skill may appear once.", errors);
    }
    return skills;
  }
}
