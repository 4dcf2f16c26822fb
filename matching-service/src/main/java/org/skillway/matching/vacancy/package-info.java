/** Vacancies as matching keeps them. Every instance keeps all of them. */
package org.skillway.matching.vacancy;
