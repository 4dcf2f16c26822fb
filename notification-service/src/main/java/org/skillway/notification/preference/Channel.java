package org.skillway.notification.preference;

/** How a notification reaches someone. */
public enum Channel {
  /** Stored for the web app, listed and streamed live. */
  IN_APP,
  /** E-mail over SMTP, to a person. */
  EMAIL,
  /** A signed HTTP POST to an employer's own system. */
  WEBHOOK
}
