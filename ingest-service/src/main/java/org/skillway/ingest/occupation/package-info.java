/** ESCO occupations and the skills they need, for drafting vacancies and proposing skills. */
package org.skillway.ingest.occupation;
