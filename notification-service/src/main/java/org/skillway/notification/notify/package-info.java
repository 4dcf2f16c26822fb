/** In-app notifications: written once per match version, listed to their owner only. */
package org.skillway.notification.notify;
