package org.skillway.notification.delivery;

/**
 * The recipient no longer wants this delivery (e-mail switched off, webhook removed): cancel it, do
 * not retry.
 */
public class NotWanted extends RuntimeException {
  public NotWanted(String reason) {
    super(reason, null, false, false);
  }
}
