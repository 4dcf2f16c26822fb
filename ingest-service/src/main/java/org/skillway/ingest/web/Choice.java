package org.skillway.ingest.web;

/**
 * One radio button or checkbox. The first of a group has the group's name as its id (so the error
 * summary's link lands on it); the others add their position, as the GOV.UK pattern does.
 */
public record Choice(String value, String label, String hint, int position) {
  public String id(String name) {
    return position == 1 ? name : name + "-" + position;
  }

  public static java.util.List<Choice> of(String... valueLabelPairs) {
    java.util.List<Choice> choices = new java.util.ArrayList<>();
    for (int i = 0; i < valueLabelPairs.length; i += 2) {
      choices.add(new Choice(valueLabelPairs[i], valueLabelPairs[i + 1], null, i / 2 + 1));
    }
    return java.util.List.copyOf(choices);
  }

  public Choice hinted(String text) {
    return new Choice(value, label, text, position);
  }
}
