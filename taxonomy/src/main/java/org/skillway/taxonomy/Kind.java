package org.skillway.taxonomy;

/** What an ESCO concept is: a skill or competence, a body of knowledge, or a group of skills. */
public enum Kind {
  SKILL,
  KNOWLEDGE,
  GROUP
}
