package org.skillway.notification.email;

import jakarta.mail.MessagingException;
import jakarta.mail.internet.MimeMessage;
import org.skillway.notification.delivery.NotWanted;
import org.skillway.notification.preference.Channel;
import org.skillway.notification.preference.PreferenceStore;
import org.skillway.notification.preference.UnsubscribeTokens;
import org.skillway.notification.system.NotificationProperties;
import org.springframework.mail.javamail.JavaMailSender;
import org.springframework.mail.javamail.MimeMessageHelper;
import org.springframework.stereotype.Component;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * Sends an e-mail over SMTP to the address the person gave, as plain text and HTML, with a
 * one-click unsubscribe (RFC 8058) in the headers and a link in the text.
 */
@Component
public class EmailSender {
  private final JavaMailSender mail;
  private final PreferenceStore preferences;
  private final UnsubscribeTokens tokens;
  private final NotificationProperties settings;

  EmailSender(
      JavaMailSender mail,
      PreferenceStore preferences,
      UnsubscribeTokens tokens,
      NotificationProperties settings) {
    this.mail = mail;
    this.preferences = preferences;
    this.tokens = tokens;
    this.settings = settings;
  }

  public Mono<Void> send(String profileId, EmailText.Email email) {
    return preferences
        .of(profileId)
        .flatMap(
            person -> {
              if (!person.wants(Channel.EMAIL)) {
                return Mono.error(new NotWanted("the person has switched e-mail off"));
              }
              return Mono.<Void>fromRunnable(() -> deliver(person.email(), profileId, email))
                  .subscribeOn(Schedulers.boundedElastic());
            });
  }

  /**
   * Sends a one-off service e-mail (an invitation) to the given address: it is not a subscription,
   * so it has no unsubscribe link.
   */
  public Mono<Void> sendTo(String address, EmailText.Email email) {
    return Mono.<Void>fromRunnable(() -> send(address, email, null))
        .subscribeOn(Schedulers.boundedElastic());
  }

  private void deliver(String to, String profileId, EmailText.Email email) {
    String unsubscribe =
        settings.publicUrl() + "/api/v1/unsubscribe?token=" + tokens.issue(profileId);
    send(
        to,
        new EmailText.Email(
            email.subject(),
            email.text() + "\n\nTo stop these e-mails: " + unsubscribe,
            email
                .html()
                .replace(
                    "</body>",
                    "<p style=\"font-size:small\"><a href=\""
                        + unsubscribe
                        + "\">Stop these e-mails</a></p></body>")),
        unsubscribe);
  }

  private void send(String to, EmailText.Email email, String unsubscribe) {
    try {
      MimeMessage message = mail.createMimeMessage();
      MimeMessageHelper helper = new MimeMessageHelper(message, true, "UTF-8");
      helper.setFrom(settings.mailFrom());
      helper.setTo(to);
      helper.setSubject(email.subject());
      helper.setText(email.text(), email.html());
      if (unsubscribe != null) {
        message.setHeader("List-Unsubscribe", "<" + unsubscribe + ">");
        message.setHeader("List-Unsubscribe-Post", "List-Unsubscribe=One-Click");
      }
      mail.send(message);
    } catch (MessagingException e) {
      throw new IllegalStateException("could not build the e-mail: " + e.getMessage(), e);
    }
  }
}
