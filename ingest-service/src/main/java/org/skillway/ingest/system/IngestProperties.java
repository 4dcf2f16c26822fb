package org.skillway.ingest.system;

import java.util.List;
import org.skillway.support.Role;
import org.springframework.boot.context.properties.ConfigurationProperties;
import org.springframework.boot.context.properties.bind.DefaultValue;

/**
 * @param demoKeys API keys seeded at start-up, for the local platform only (empty elsewhere)
 * @param operatorKey an operator's API key to register at start-up (environment {@code
 *     SKILLWAY_OPERATOR_KEY}), so that the first employer and university keys can be made; unset,
 *     none is registered
 * @param rateLimit how often one client may try to register or sign in
 * @param vacancy the rules a vacancy must meet
 * @param cohort the limits of a cohort upload
 * @param invitation how students loaded by a university are invited to claim their account
 * @param services where the other services are, for a person's data export
 */
@ConfigurationProperties("skillway.ingest")
public record IngestProperties(
    @DefaultValue List<DemoKey> demoKeys,
    String operatorKey,
    @DefaultValue RateLimit rateLimit,
    @DefaultValue VacancyRules vacancy,
    @DefaultValue Cohort cohort,
    @DefaultValue Invitation invitation,
    @DefaultValue Services services) {

  /**
   * @param matchingUrl matching-service's base URL, as ingest reaches it
   * @param notificationUrl notification-service's base URL, as ingest reaches it
   * @param timeout how long each has to answer an export
   */
  public record Services(
      @DefaultValue("http://localhost:8081") String matchingUrl,
      @DefaultValue("http://localhost:8082") String notificationUrl,
      @DefaultValue("PT10S") java.time.Duration timeout) {}

  /**
   * @param key the plain key a demo client sends in {@code X-API-Key}
   * @param ownerId the employer or university the key acts for
   */
  public record DemoKey(String key, String ownerId, Role role) {}

  /**
   * @param registrationsPerHourPerAddress new accounts one client address may create per hour
   * @param signInsPerQuarterHourPerAddress sign-in attempts per client address per 15 minutes
   * @param signInsPerQuarterHourPerAccount sign-in attempts per e-mail address per 15 minutes
   */
  public record RateLimit(
      @DefaultValue("20") int registrationsPerHourPerAddress,
      @DefaultValue("50") int signInsPerQuarterHourPerAddress,
      @DefaultValue("10") int signInsPerQuarterHourPerAccount,
      @DefaultValue("120") int skillLookupsPerMinutePerAddress) {}

  /**
   * @param equalityPhrases wording refused in a vacancy's title and description (whole words, any
   *     case), for the Equality Act 2010
   * @param apprenticeMinimumHourlyWage the apprentice rate of the National Minimum Wage, pounds
   * @param apprenticeMinimumWeeklyHours the fewest paid hours a week an apprenticeship may offer
   */
  public record VacancyRules(
      @DefaultValue List<String> equalityPhrases,
      @DefaultValue("8.00") java.math.BigDecimal apprenticeMinimumHourlyWage,
      @DefaultValue("30") int apprenticeMinimumWeeklyHours) {}

  /**
   * @param maxRows the most students one file may hold
   * @param maxSize the largest file accepted
   */
  public record Cohort(
      @DefaultValue("100000") int maxRows,
      @DefaultValue("50MB") org.springframework.util.unit.DataSize maxSize) {}

  /**
   * @param claimUrl the page where an invited student chooses a password; the link adds {@code
   *     ?token=}
   * @param validFor how long an invitation link works
   */
  public record Invitation(
      @DefaultValue("http://localhost:8080/claim") String claimUrl,
      @DefaultValue("P14D") java.time.Duration validFor) {}
}
