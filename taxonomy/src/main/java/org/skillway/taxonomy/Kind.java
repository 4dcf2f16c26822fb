package org.skillway.taxonomy;

/**
 * What an ESCO concept is: a skill or competence, a body of knowledge, or a group of skills.
 *
 * <p>Languages are not a kind of their own: ESCO types "write Hungarian" as a skill and "Hungarian"
 * as knowledge, and {@link Collection#LANGUAGE} already says a concept is about a language. The
 * five DigComp competence areas, which ESCO leaves untyped, are skills.
 */
public enum Kind {
  SKILL,
  KNOWLEDGE,
  GROUP
}
