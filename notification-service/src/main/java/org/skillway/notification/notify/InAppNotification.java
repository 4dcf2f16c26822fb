package org.skillway.notification.notify;

import java.time.Instant;
import java.util.List;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * A notification shown in the web app.
 *
 * @param id {@code <matchId>#<matchVersion>#IN_APP}: unique, so a redelivered event cannot notify
 *     twice
 */
@Document("notifications")
public record InAppNotification(
    @Id String id,
    String kind,
    String profileId,
    String matchId,
    String vacancyId,
    String title,
    String body,
    int score,
    List<String> matchedSkills,
    List<String> missingSkills,
    Instant createdAt,
    boolean read) {}
