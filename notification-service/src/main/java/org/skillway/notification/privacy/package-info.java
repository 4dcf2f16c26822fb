/**
 * What this service holds about someone: erased on a {@code ProfileErased} event, leaving only a
 * tombstone that stops later match events from storing anything about the person again; and
 * exported, on request, to the person or employer it is about.
 */
package org.skillway.notification.privacy;
