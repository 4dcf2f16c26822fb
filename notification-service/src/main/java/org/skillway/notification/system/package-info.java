/** notification-service wiring: settings, dead letters and who may read whose notifications. */
package org.skillway.notification.system;
