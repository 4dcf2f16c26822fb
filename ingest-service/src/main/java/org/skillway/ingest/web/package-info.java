/**
 * The web app people use: server-rendered pages (JTE templates in {@code src/main/jte}) with GOV.UK
 * Design System markup, which work with HTML forms alone; the script in {@code /assets/skillway.js}
 * only improves them (skill autocomplete, live notifications). A signed-in person's identity token
 * rides in an HttpOnly cookie, so any instance serves any person; their matches and notifications
 * are read from matching-service and notification-service with that token, never from those
 * services' databases.
 */
package org.skillway.ingest.web;
