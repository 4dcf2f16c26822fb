/** Invitations to claim an account a university created, e-mailed once each. */
package org.skillway.notification.invitation;
