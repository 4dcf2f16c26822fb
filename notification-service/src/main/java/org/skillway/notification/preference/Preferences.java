package org.skillway.notification.preference;

import java.util.Objects;
import java.util.Set;
import org.springframework.data.annotation.Id;
import org.springframework.data.mongodb.core.mapping.Document;

/**
 * What a person has chosen: where to hear about matches, how often, when not, and from what score.
 * Without any stored preferences a person gets in-app notifications only, instantly, for every
 * match: nobody is e-mailed without having given an address and asked for it.
 *
 * @param email where e-mail goes; e-mail is sent only to an address the person gave here
 * @param quietHours no e-mail in this window (UK time); in-app notifications still arrive
 * @param minimumScore matches scoring below this are not notified (0-100)
 */
@Document("preferences")
public record Preferences(
    @Id String profileId,
    String email,
    Set<Channel> channels,
    Frequency frequency,
    QuietHours quietHours,
    int minimumScore) {
  public Preferences {
    Objects.requireNonNull(profileId, "profileId");
    channels = channels == null ? Set.of(Channel.IN_APP) : Set.copyOf(channels);
    frequency = frequency == null ? Frequency.INSTANT : frequency;
    if (minimumScore < 0 || minimumScore > 100) {
      throw new IllegalArgumentException("minimumScore must be between 0 and 100");
    }
  }

  public static Preferences defaults(String profileId) {
    return new Preferences(profileId, null, Set.of(Channel.IN_APP), Frequency.INSTANT, null, 0);
  }

  public boolean wants(Channel channel) {
    return channels.contains(channel) && (channel != Channel.EMAIL || email != null);
  }

  /** The same choices without e-mail: what a one-click unsubscribe leaves. */
  public Preferences withoutEmail() {
    Set<Channel> rest =
        channels.stream()
            .filter(c -> c != Channel.EMAIL)
            .collect(java.util.stream.Collectors.toSet());
    return new Preferences(profileId, email, rest, frequency, quietHours, minimumScore);
  }
}
