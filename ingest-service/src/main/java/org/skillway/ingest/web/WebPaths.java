package org.skillway.ingest.web;

/** Which requests belong to the web app: everything but the JSON API and the operational paths. */
public final class WebPaths {
  /** The API, its description and the probes; every other path is a page or an asset. */
  public static final String[] NOT_PAGES = {"/api/**", "/v3/**", "/actuator/**"};

  /**
   * Pages only a signed-in person may open. Any other page is open: an address that is no page gets
   * "Page not found" whoever asks.
   */
  public static final String[] SIGNED_IN = {
    "/profile",
    "/profile/**",
    "/matches",
    "/matches/**",
    "/notifications",
    "/notifications/**",
    "/your-data",
    "/your-data/**",
    "/sign-out"
  };

  /**
   * A strict policy: scripts and styles only from this origin (there is no inline script), forms
   * post only here, nothing frames the pages, and nothing else loads.
   */
  public static final String CONTENT_SECURITY_POLICY =
      "default-src 'none'; script-src 'self'; style-src 'self'; img-src 'self' data:; "
          + "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; base-uri 'none'";

  private WebPaths() {}

  public static boolean isPage(String path) {
    return !(path.startsWith("/api/")
        || path.equals("/api")
        || path.startsWith("/v3/")
        || path.startsWith("/actuator"));
  }
}
