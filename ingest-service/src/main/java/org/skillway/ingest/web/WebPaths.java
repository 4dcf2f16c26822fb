package org.skillway.ingest.web;

/** Which requests belong to the web app: everything but the JSON API and the operational paths. */
public final class WebPaths {
  /** The API, its description and the probes; every other path is a page or an asset. */
  public static final String[] NOT_PAGES = {"/api/**", "/v3/**", "/actuator/**"};

  /** Pages and assets anyone may see, signed in or not. */
  public static final String[] PUBLIC = {
    "/",
    "/create-account",
    "/create-account/**",
    "/sign-in",
    "/claim",
    "/skills/suggest",
    "/accessibility",
    "/privacy",
    "/account-deleted",
    "/assets/**",
    "/favicon.ico",
    "/robots.txt"
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
