/**
 * notification-service: consumes match events and tells people about them, once each. The walking
 * skeleton delivers in-app notifications; e-mail and signed webhooks follow.
 */
package org.skillway.notification;
