/** Skills as callers send them: checked, normalised and free of duplicates. */
package org.skillway.ingest.skill;
