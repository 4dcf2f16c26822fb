/**
 * Employers' vacancies: validated, scoped to the calling employer, published as {@code
 * VacancyPublished}.
 */
package org.skillway.ingest.vacancy;
