/**
 * What callers send, checked before it is used or stored: free text a spreadsheet cannot run,
 * identifiers and e-mail addresses (pure rules, no Spring types), and JSON bodies read strictly at
 * the web edge.
 */
package org.skillway.ingest.input;
