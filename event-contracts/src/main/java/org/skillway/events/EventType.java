package org.skillway.events;

import java.util.Arrays;
import java.util.Optional;
import java.util.function.BiFunction;

/**
 * Every event type with its wire name, schema version, topic and payload type. The JSON Schema of
 * each lives at {@link #schemaResource()} on the classpath.
 */
public enum EventType {
  PROFILE_SUBMITTED(
      "ProfileSubmitted",
      1,
      Topic.PROFILES,
      ProfileData.class,
      (m, p) -> new ProfileSubmitted(m, (ProfileData) p)),
  PROFILE_ERASED(
      "ProfileErased",
      1,
      Topic.PROFILES,
      ProfileErasure.class,
      (m, p) -> new ProfileErased(m, (ProfileErasure) p)),
  VACANCY_PUBLISHED(
      "VacancyPublished",
      1,
      Topic.VACANCIES,
      VacancyData.class,
      (m, p) -> new VacancyPublished(m, (VacancyData) p)),
  MATCH_FOUND(
      "MatchFound", 1, Topic.MATCHES, MatchData.class, (m, p) -> new MatchFound(m, (MatchData) p)),
  MATCH_UPDATED(
      "MatchUpdated",
      1,
      Topic.MATCHES,
      MatchData.class,
      (m, p) -> new MatchUpdated(m, (MatchData) p)),
  MATCH_WITHDRAWN(
      "MatchWithdrawn",
      1,
      Topic.MATCHES,
      MatchClosure.class,
      (m, p) -> new MatchWithdrawn(m, (MatchClosure) p)),
  INVITATION_ISSUED(
      "InvitationIssued",
      2,
      Topic.INVITATIONS,
      Invitation.class,
      (m, p) -> new InvitationIssued(m, (Invitation) p)),
  ACCESS_REVOKED(
      "AccessRevoked",
      1,
      Topic.ACCESS,
      Revocation.class,
      (m, p) -> new AccessRevoked(m, (Revocation) p));

  private final String wireName;
  private final int schemaVersion;
  private final Topic topic;
  private final Class<?> payloadType;
  private final BiFunction<EventMetadata, Object, SkillwayEvent> factory;

  EventType(
      String wireName,
      int schemaVersion,
      Topic topic,
      Class<?> payloadType,
      BiFunction<EventMetadata, Object, SkillwayEvent> factory) {
    this.wireName = wireName;
    this.schemaVersion = schemaVersion;
    this.topic = topic;
    this.payloadType = payloadType;
    this.factory = factory;
  }

  public String wireName() {
    return wireName;
  }

  public int schemaVersion() {
    return schemaVersion;
  }

  public Topic topic() {
    return topic;
  }

  Class<?> payloadType() {
    return payloadType;
  }

  SkillwayEvent create(EventMetadata metadata, Object payload) {
    return factory.apply(metadata, payload);
  }

  /**
   * Classpath location of this type's JSON Schema, e.g. {@code
   * schemas/ProfileSubmitted.v1.schema.json}.
   */
  public String schemaResource() {
    return "schemas/" + wireName + ".v" + schemaVersion + ".schema.json";
  }

  public static Optional<EventType> byWireName(String wireName) {
    return Arrays.stream(values()).filter(t -> t.wireName.equals(wireName)).findFirst();
  }
}
