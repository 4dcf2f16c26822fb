package org.skillway.ingest.profile;

/**
 * @param accessToken a bearer identity token for the new profile, valid for {@code expiresIn}
 *     seconds
 */
public record ProfileResponse(
    String profileId, String accessToken, String tokenType, long expiresIn) {}
