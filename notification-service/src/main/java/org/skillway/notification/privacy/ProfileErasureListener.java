package org.skillway.notification.privacy;

import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.apache.kafka.clients.consumer.ConsumerRecord;
import org.apache.kafka.common.header.Header;
import org.skillway.events.EventCodec;
import org.skillway.events.EventHeaders;
import org.skillway.events.EventType;
import org.skillway.events.ProfileErased;
import org.skillway.events.ProfileEvent;
import org.skillway.support.EventRecords;
import org.springframework.kafka.annotation.KafkaListener;
import org.springframework.stereotype.Component;

/**
 * Consumes the profile topic for erasures alone. A {@code ProfileSubmitted} (named in its header,
 * so it is skipped without being read) and a compaction tombstone (no value) are none of this
 * service's business. As on the other topics, a failure is retried with back-off and a malformed
 * event goes to {@code skillway.profiles.v1.notification-dlt} with the reason in its headers.
 */
@Component
class ProfileErasureListener {
  private static final Duration PROCESSING_TIMEOUT = Duration.ofSeconds(30);
  private static final byte[] SUBMITTED =
      EventType.PROFILE_SUBMITTED.wireName().getBytes(StandardCharsets.UTF_8);

  private final EventCodec codec;
  private final ProfileEraser eraser;

  ProfileErasureListener(EventCodec codec, ProfileEraser eraser) {
    this.codec = codec;
    this.eraser = eraser;
  }

  @KafkaListener(
      id = "notification-profile-erasures",
      topics = "#{T(org.skillway.events.Topic).PROFILES.topicName()}",
      groupId = "${skillway.notification.group-id:skillway-notification}")
  void onProfileEvent(ConsumerRecord<String, byte[]> record) {
    if (record.value() == null || isSubmitted(record)) {
      return;
    }
    if (EventRecords.decode(codec, record, ProfileEvent.class) instanceof ProfileErased erased) {
      eraser.erase(erased.key()).block(PROCESSING_TIMEOUT);
    }
  }

  private static boolean isSubmitted(ConsumerRecord<String, byte[]> record) {
    Header type = record.headers().lastHeader(EventHeaders.EVENT_TYPE);
    return type != null && java.util.Arrays.equals(type.value(), SUBMITTED);
  }
}
