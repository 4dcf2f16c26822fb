package org.skillway.taxonomy;

/**
 * The ESCO v1.2.0 collections a skill can belong to. Every sector's skills are in the taxonomy; a
 * collection only says a skill is also counted as digital, green, transversal, a language or part
 * of DigComp.
 */
public enum Collection {
  DIGITAL,
  GREEN,
  TRANSVERSAL,
  LANGUAGE,
  DIGCOMP
}
