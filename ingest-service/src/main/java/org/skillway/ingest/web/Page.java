package org.skillway.ingest.web;

import java.util.Map;

/**
 * What every page's frame needs: its heading for the title, whether someone is signed in (the
 * header then offers the signed-in pages and signing out), the form token that every POST form
 * carries, the problems to summarise at the top, and where "Back" goes.
 *
 * @param section the header link to mark as current ({@code matches}, {@code profile}, …)
 */
public record Page(
    String heading,
    boolean signedIn,
    String csrfToken,
    Map<String, String> errors,
    String backLink,
    String section) {

  public String title() {
    return (errors.isEmpty() ? "" : "Error: ") + heading + " - Skillway";
  }

  public boolean current(String name) {
    return name.equals(section);
  }

  public Page back(String link) {
    return new Page(heading, signedIn, csrfToken, errors, link, section);
  }

  public Page in(String name) {
    return new Page(heading, signedIn, csrfToken, errors, backLink, name);
  }

  public Page withErrors(Form form) {
    return new Page(heading, signedIn, csrfToken, form.errors(), backLink, section);
  }
}
